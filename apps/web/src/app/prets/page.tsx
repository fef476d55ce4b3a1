import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageTitle } from "../../components/page-title.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { FilterBar, FilterSelect } from "../../components/filter-bar.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import { LoanStatusBadge } from "./status-badge.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("loans");
  return { title: t("title") };
}

const STATUSES = [
  "draft",
  "inventory_signed",
  "in_service",
  "return_in_progress",
  "returned",
  "lost",
  "stolen",
  "cancelled",
] as const;
const params = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

export default async function LoansPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  const t = await getTranslations("loans");
  const format = await getFormatter();
  const f = params.parse(await searchParams);
  const caller = await api();
  const staff = actor.role !== "agent";
  const page = await caller.loans
    .list({ status: f.status, cursor: f.cursor, limit: 30 })
    .catch(() => caller.loans.list({ status: f.status, limit: 30 }));
  const d = (s: string) =>
    format.dateTime(new Date(`${s}T12:00:00Z`), { dateStyle: "medium", timeZone: "Europe/Paris" });
  return (
    <>
      <PageTitle lead={staff ? t("lead") : t("leadAgent")}>{t("title")}</PageTitle>
      <p className="mb-4 flex flex-wrap gap-4">
        {staff ? <Link href="/prets/nouveau">{t("new")}</Link> : null}
        <Link href="/prets/calendrier">{t("calendar")}</Link>
        {staff ? <Link href="/prets/modeles">{t("templates")}</Link> : null}
      </p>
      <FilterBar label={t("filters")} submit={t("filter")}>
        <FilterSelect
          name="status"
          label={t("statusLabel")}
          value={f.status}
          all={t("all")}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </FilterBar>
      {page.items.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <Table
          caption={t("caption")}
          headers={[t("number"), t("body"), t("convention"), t("statusLabel"), t("period"), t("items")]}
        >
          {page.items.map((l) => (
            <tr key={l.id}>
              <Cell header>
                <Link href={`/prets/${l.id}`}>{l.number}</Link>
              </Cell>
              <Cell>{l.body.legalName}</Cell>
              <Cell>{l.convention.number}</Cell>
              <Cell>
                <LoanStatusBadge status={l.status} />
                {l.returnToOrganise ? (
                  <span className="ml-2 text-sm font-semibold text-red-800">{t("returnToOrganise")}</span>
                ) : l.overdue ? (
                  <span className="ml-2 text-sm font-semibold text-red-800">{t("overdue")}</span>
                ) : null}
              </Cell>
              <Cell>{t("periodValue", { start: d(l.startDate), end: d(l.endDate) })}</Cell>
              <Cell>
                {l.tags.join(", ")}
                {l.items > l.tags.length ? ` (${l.items})` : ""}
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      {page.nextCursor ? (
        <p className="mt-4">
          <Link
            href={`/prets?${new URLSearchParams({ ...(f.status ? { status: f.status } : {}), cursor: page.nextCursor })}`}
          >
            {t("next")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
