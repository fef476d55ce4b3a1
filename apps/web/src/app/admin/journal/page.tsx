import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { parisLocalToDate } from "../../../lib/paris-time.ts";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { FilterBar, FilterSelect, FilterInput } from "../../../components/filter-bar.tsx";
import { fieldLabeller } from "../../../components/audit-changes.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("journal");
  return { title: t("title") };
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const params = z.object({
  actor: z.string().trim().max(100).optional().catch(undefined),
  entityType: z
    .enum(["Body", "User", "Convention", "BusinessCalendar", "Service", "Ticket"])
    .optional()
    .catch(undefined),
  action: z.enum(["create", "update", "delete", "anonymise"]).optional().catch(undefined),
  from: day,
  to: day,
  cursor: z.string().max(200).optional().catch(undefined),
});

/** The audit trail, for administrators: who changed what, when, through which channel; CSV export. */
// The page of each kind of object, for links from the journal.
const ENTITY_PAGES: Record<string, string> = {
  Ticket: "/tickets",
  User: "/admin/personnes",
  Body: "/organismes",
  Convention: "/conventions",
  BusinessCalendar: "/calendriers",
  Service: "/catalogue",
};

export default async function JournalPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "admin") notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const label = await fieldLabeller();
  const f = params.parse(await searchParams);
  const filter = {
    actor: f.actor || undefined,
    entityType: f.entityType,
    action: f.action,
    from: f.from ? parisLocalToDate(`${f.from}T00:00`) : undefined,
    to: f.to ? new Date(parisLocalToDate(`${f.to}T00:00`).getTime() + 86_400_000) : undefined,
  };
  const caller = await api();
  const page = await caller.audit
    .search({ ...filter, cursor: f.cursor, limit: 50 })
    .catch(() => caller.audit.search({ ...filter, limit: 50 }));
  const keep = Object.fromEntries(
    Object.entries({
      actor: f.actor,
      entityType: f.entityType,
      action: f.action,
      from: f.from,
      to: f.to,
    }).filter(([, v]) => v),
  ) as Record<string, string>;
  return (
    <>
      <PageTitle lead={t("journal.lead")}>{t("journal.title")}</PageTitle>
      <FilterBar label={t("journal.filters")} submit={t("journal.filter")}>
        <FilterInput name="actor" label={t("journal.actor")} value={f.actor} />
        <FilterSelect
          name="entityType"
          label={t("journal.entityType")}
          value={f.entityType}
          all={t("journal.all")}
          options={["Body", "User", "Convention", "BusinessCalendar", "Service", "Ticket"].map((e) => ({
            value: e,
            label: t(`journal.entity.${e}`),
          }))}
        />
        <FilterSelect
          name="action"
          label={t("journal.action")}
          value={f.action}
          all={t("journal.all")}
          options={["create", "update", "delete", "anonymise"].map((a) => ({
            value: a,
            label: t(`history.actions.${a}`),
          }))}
        />
        <FilterInput name="from" label={t("journal.from")} value={f.from} type="date" />
        <FilterInput name="to" label={t("journal.to")} value={f.to} type="date" />
      </FilterBar>
      <p className="mb-4">
        <a href={`/admin/journal/export?${new URLSearchParams(keep)}`}>{t("journal.export")}</a>
      </p>
      {page.items.length === 0 ? (
        <p className="text-slate-700">{t("journal.empty")}</p>
      ) : (
        <Table
          caption={t("journal.title")}
          headers={[
            t("journal.date"),
            t("journal.actor"),
            t("journal.entityType"),
            t("journal.action"),
            t("journal.changes"),
          ]}
        >
          {page.items.map((r) => (
            <tr key={r.id}>
              <Cell>
                <time dateTime={r.at.toISOString()}>
                  {format.dateTime(r.at, {
                    dateStyle: "short",
                    timeStyle: "medium",
                    timeZone: "Europe/Paris",
                  })}
                </time>
              </Cell>
              <Cell>
                {r.actorId ? (
                  <Link href={`/admin/personnes/${r.actorId}`} className="underline">
                    {r.actorLabel}
                  </Link>
                ) : (
                  r.actorLabel
                )}{" "}
                <span className="text-xs">({t(`history.channels.${r.channel}`)})</span>
              </Cell>
              <Cell>
                {t.has(`journal.entity.${r.entityType}`) ? t(`journal.entity.${r.entityType}`) : r.entityType}{" "}
                {r.entityLabel && ENTITY_PAGES[r.entityType] ? (
                  <Link href={`${ENTITY_PAGES[r.entityType]}/${r.entityId}`} className="underline">
                    {r.entityLabel}
                  </Link>
                ) : (
                  <span className="text-xs">{r.entityLabel ?? "—"}</span>
                )}
              </Cell>
              <Cell>{t(`history.actions.${r.action}`)}</Cell>
              <Cell>
                <span className="text-xs">
                  {Object.keys(r.changes as object)
                    .map(label)
                    .join(", ") || "—"}
                </span>
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      {page.nextCursor ? (
        <p className="mt-4">
          <Link href={`/admin/journal?${new URLSearchParams({ ...keep, cursor: page.nextCursor })}`}>
            {t("journal.next")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
