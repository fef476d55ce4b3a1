import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { parisLocalToDate } from "../../../lib/paris-time.ts";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("journal");
  return { title: t("title") };
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);
const params = z.object({
  actor: z.string().trim().max(100).optional().catch(undefined),
  entityType: z.enum(["Body", "User", "Convention", "BusinessCalendar", "Service", "Ticket"]).optional().catch(undefined),
  action: z.enum(["create", "update", "delete", "anonymise"]).optional().catch(undefined),
  from: day, to: day,
  cursor: z.string().max(200).optional().catch(undefined),
});

/** The audit trail, for administrators: who changed what, when, through which channel; CSV export. */
export default async function JournalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "admin") notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const f = params.parse(await searchParams);
  const filter = {
    actor: f.actor || undefined, entityType: f.entityType, action: f.action,
    from: f.from ? parisLocalToDate(`${f.from}T00:00`) : undefined,
    to: f.to ? new Date(parisLocalToDate(`${f.to}T00:00`).getTime() + 86_400_000) : undefined,
  };
  const caller = await api();
  const page = await caller.audit.search({ ...filter, cursor: f.cursor, limit: 50 }).catch(() => caller.audit.search({ ...filter, limit: 50 }));
  const keep = Object.fromEntries(Object.entries({ actor: f.actor, entityType: f.entityType, action: f.action, from: f.from, to: f.to }).filter(([, v]) => v)) as Record<string, string>;
  const input = "rounded-md border border-slate-400 bg-white px-3 py-2";
  return (
    <>
      <PageTitle lead={t("journal.lead")}>{t("journal.title")}</PageTitle>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={t("journal.filters")}>
        <div className="flex flex-col gap-1"><label htmlFor="actor" className="text-sm font-medium">{t("journal.actor")}</label><input id="actor" name="actor" defaultValue={f.actor ?? ""} className={input} /></div>
        <div className="flex flex-col gap-1">
          <label htmlFor="entityType" className="text-sm font-medium">{t("journal.entityType")}</label>
          <select id="entityType" name="entityType" defaultValue={f.entityType ?? ""} className={input}>
            <option value="">{t("journal.all")}</option>
            {["Body", "User", "Convention", "BusinessCalendar", "Service", "Ticket"].map((e) => <option key={e} value={e}>{t(`journal.entity.${e}`)}</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="action" className="text-sm font-medium">{t("journal.action")}</label>
          <select id="action" name="action" defaultValue={f.action ?? ""} className={input}>
            <option value="">{t("journal.all")}</option>
            {["create", "update", "delete", "anonymise"].map((a) => <option key={a} value={a}>{t(`history.actions.${a}`)}</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-1"><label htmlFor="from" className="text-sm font-medium">{t("journal.from")}</label><input id="from" name="from" type="date" defaultValue={f.from ?? ""} className={input} /></div>
        <div className="flex flex-col gap-1"><label htmlFor="to" className="text-sm font-medium">{t("journal.to")}</label><input id="to" name="to" type="date" defaultValue={f.to ?? ""} className={input} /></div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t("journal.filter")}</button>
      </form>
      <p className="mb-4"><a href={`/admin/journal/export?${new URLSearchParams(keep)}`}>{t("journal.export")}</a></p>
      {page.items.length === 0 ? <p className="text-slate-700">{t("journal.empty")}</p> : (
        <Table caption={t("journal.title")} headers={[t("journal.date"), t("journal.actor"), t("journal.entityType"), t("journal.action"), t("journal.changes")]}>
          {page.items.map((r) => (
            <tr key={r.id}>
              <Cell>{format.dateTime(r.at, { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" })}</Cell>
              <Cell>{r.actorLabel} <span className="text-xs">({t(`history.channels.${r.channel}`)})</span></Cell>
              <Cell>{t.has(`journal.entity.${r.entityType}`) ? t(`journal.entity.${r.entityType}`) : r.entityType} <code className="text-xs">{r.entityId.slice(0, 8)}</code></Cell>
              <Cell>{t(`history.actions.${r.action}`)}</Cell>
              <Cell><span className="text-xs">{Object.keys(r.changes as object).join(", ") || "—"}</span></Cell>
            </tr>
          ))}
        </Table>
      )}
      {page.nextCursor ? <p className="mt-4"><Link href={`/admin/journal?${new URLSearchParams({ ...keep, cursor: page.nextCursor })}`}>{t("journal.next")}</Link></p> : null}
    </>
  );
}
