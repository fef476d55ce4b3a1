import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { CONVENTION_STATUSES } from "@mutuo/core/conventions";
import { PageTitle } from "../../components/page-title.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import { bodyChoices } from "./options.ts";
import { StatusBadge } from "./status-badge.tsx";
import { FilterBar, FilterSelect, FilterInput } from "../../components/filter-bar.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("conventions");
  return { title: t("title") };
}

const uuid = z.string().uuid().optional().catch(undefined);
const params = z.object({
  body: uuid,
  service: uuid,
  status: z.enum(CONVENTION_STATUSES).optional().catch(undefined),
  endBefore: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

export default async function ConventionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  const t = await getTranslations("conventions");
  const format = await getFormatter();
  const f = params.parse(await searchParams);
  const caller = await api();
  const staff = actor.role !== "agent";
  const manager = actor.role === "manager" || actor.role === "admin";
  const filter = { bodyId: f.body, serviceId: f.service, status: f.status, endBefore: f.endBefore };
  const [page, services, choices, attention] = await Promise.all([
    caller.conventions
      .list({ ...filter, cursor: f.cursor, limit: 25 })
      .catch(() => caller.conventions.list({ ...filter, limit: 25 })),
    caller.catalogue.list(),
    staff ? bodyChoices(caller) : Promise.resolve(null),
    manager ? caller.conventions.needingAttention() : Promise.resolve([]),
  ]);
  const d = (s: string | null) =>
    s ? format.dateTime(new Date(`${s}T12:00:00Z`), { dateStyle: "medium", timeZone: "Europe/Paris" }) : "—";
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({
      ...Object.fromEntries(
        Object.entries({ body: f.body, service: f.service, status: f.status, endBefore: f.endBefore }).filter(
          ([, v]) => v,
        ),
      ),
      ...extra,
    } as Record<string, string>).toString();

  return (
    <>
      <PageTitle lead={staff ? t("lead") : t("leadAgent")}>{t("title")}</PageTitle>
      {manager ? (
        <p className="mb-4 flex gap-4">
          <Link href="/conventions/nouveau">{t("new")}</Link>
          <Link href="/calendriers">{t("calendarsLink")}</Link>
        </p>
      ) : null}

      {attention.length > 0 ? (
        <section
          aria-labelledby="attention"
          className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4"
        >
          <h2 id="attention" className="mb-2 font-semibold text-amber-900">
            {t("attentionTitle")}
          </h2>
          <ul className="flex flex-col gap-1">
            {attention.map((c) => (
              <li key={c.id}>
                <Link href={`/conventions/${c.id}`}>
                  {c.number} · {c.signatory.legalName}
                </Link>{" "}
                — {t(`attention.${c.attention!.kind}`, { date: d(c.attention!.date) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <FilterBar label={t("filters")} submit={t("filter")}>
        {choices ? (
          <FilterSelect
            name="body"
            label={t("body")}
            value={f.body}
            all={t("all")}
            options={choices.bodies.map((b) => ({ value: b.id, label: b.legalName }))}
          />
        ) : null}
        <FilterSelect
          name="service"
          label={t("service")}
          value={f.service}
          all={t("all")}
          options={services.map((s) => ({ value: s.id, label: s.name }))}
        />
        <FilterSelect
          name="status"
          label={t("statusLabel")}
          value={f.status}
          all={t("all")}
          options={CONVENTION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <FilterInput name="endBefore" label={t("endBefore")} value={f.endBefore} type="date" />
      </FilterBar>

      {page.items.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <Table
          caption={t("caption")}
          headers={[t("number"), t("signatory"), t("services"), t("statusLabel"), t("period")]}
        >
          {page.items.map((c) => (
            <tr key={c.id}>
              <Cell header>
                <Link href={`/conventions/${c.id}`}>{c.number}</Link>
                <br />
                <span className="font-normal">{c.title}</span>
              </Cell>
              <Cell>
                {c.signatory.legalName}
                {c.commune.id !== c.signatory.id ? (
                  <>
                    <br />
                    <span className="text-xs">{t("communeOf", { commune: c.commune.legalName })}</span>
                  </>
                ) : null}
              </Cell>
              <Cell>{c.services.map((s) => s.name).join(", ") || "—"}</Cell>
              <Cell>
                <StatusBadge status={c.status} />
              </Cell>
              <Cell>{t("periodValue", { start: d(c.startDate), end: d(c.endDate) })}</Cell>
            </tr>
          ))}
        </Table>
      )}
      {page.nextCursor ? (
        <p className="mt-4">
          <Link href={`/conventions?${query({ cursor: page.nextCursor })}`}>{t("next")}</Link>
        </p>
      ) : null}
    </>
  );
}
