import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageTitle } from "../../components/page-title.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("incoming");
  return { title: t("title") };
}

const params = z.object({
  view: z.enum(["quarantined", "all"]).catch("quarantined").default("quarantined"),
  cursor: z.string().max(500).optional().catch(undefined),
});

/** E-mails received on the support mailbox; the quarantine first. */
export default async function IncomingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  if (actor.role === "agent") notFound();
  const t = await getTranslations("incoming");
  const format = await getFormatter();
  const f = params.parse(await searchParams);
  const caller = await api();
  const [page, count] = await Promise.all([
    caller.incoming
      .list({ view: f.view, cursor: f.cursor })
      .catch(() => caller.incoming.list({ view: f.view })),
    caller.incoming.count(),
  ]);
  const reason = (r: string | null) =>
    r ? t(`reason.${r.startsWith("refused:") ? "refused" : r}` as "reason.unknown_sender") : "";
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <nav aria-label={t("filter")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {(["quarantined", "all"] as const).map((v) => (
            <li key={v}>
              <Link
                href={`/courriels-entrants?view=${v}`}
                aria-current={f.view === v ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 text-sm ${f.view === v ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300 bg-white"}`}
              >
                {t(`view.${v}`)}
                {v === "quarantined" ? ` (${count})` : ""}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {page.items.length === 0 ? (
        <p className="text-slate-700">{t(f.view === "all" ? "emptyAll" : "empty")}</p>
      ) : (
        <Table
          caption={t("caption")}
          headers={[t("receivedAt"), t("from"), t("subject"), t("statusLabel"), t("ticket")]}
        >
          {page.items.map((m) => (
            <tr key={m.id}>
              <Cell>
                {format.dateTime(m.receivedAt, {
                  dateStyle: "short",
                  timeStyle: "short",
                  timeZone: "Europe/Paris",
                })}
              </Cell>
              <Cell>{m.fromName ? `${m.fromName} <${m.fromEmail}>` : m.fromEmail}</Cell>
              <Cell header>
                <Link href={`/courriels-entrants/${m.id}`}>{m.subject || t("noSubject")}</Link>
                {m._count.attachments ? ` (${m._count.attachments} PJ)` : ""}
              </Cell>
              <Cell>
                {t(`status.${m.status}`)}
                {m.reason && m.status !== "ignored" ? ` — ${reason(m.reason)}` : ""}
              </Cell>
              <Cell>{m.ticket ? <Link href={`/tickets/${m.ticket.id}`}>{m.ticket.number}</Link> : "—"}</Cell>
            </tr>
          ))}
        </Table>
      )}
      {page.nextCursor ? (
        <p className="mt-4">
          <Link
            href={`/courriels-entrants?${new URLSearchParams({ view: f.view, cursor: page.nextCursor })}`}
          >
            {t("next")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
