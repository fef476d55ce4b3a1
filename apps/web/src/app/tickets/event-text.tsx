import { getTranslations } from "next-intl/server";
import { formatDue } from "./ticket-bits.tsx";

/** A conversation event in words: "Statut : Nouveau → En attente du partenaire". */
export async function EventText({
  data,
  body,
  partner,
}: {
  data: Record<string, unknown> | null;
  body: string;
  /** The partner reads « en attente de votre réponse » where staff read « en attente du partenaire ». */
  partner?: boolean;
}) {
  const t = await getTranslations("tickets");
  const p = await getTranslations("ticketPage");
  const status = (s: unknown) =>
    partner && s === "waiting_partner" ? p("statusPartnerWaiting") : t(`status.${String(s)}`);
  const parts: string[] = [];
  const d = data ?? {};
  if (typeof d.created === "string") parts.push(t("event.created", { channel: t(`channel.${d.created}`) }));
  if (Array.isArray(d.status))
    parts.push(
      t("event.status", { from: status(d.status[0]), to: status(d.status[1]) }) +
        (d.automatic ? ` (${t("event.automatic")})` : "") +
        (typeof d.waitingClosed === "number" ? ` (${p("event.waitingClosed")})` : ""),
    );
  if (typeof d.waitingUntil === "string")
    parts.push(p("event.waitingUntil", { when: await formatDue(new Date(d.waitingUntil)) }));
  if (typeof d.waitingReminder === "number") parts.push(p("event.waitingReminder", { n: d.waitingReminder }));
  if (typeof d.waitingDue === "string") parts.push(p("event.waitingDue"));
  if (Array.isArray(d.assignee))
    parts.push(d.assignee[1] ? t("event.assigned", { name: String(d.assignee[1]) }) : t("event.unassigned"));
  if (Array.isArray(d.priority))
    parts.push(
      t("event.priority", { from: t(`priorities.${d.priority[0]}`), to: t(`priorities.${d.priority[1]}`) }),
    );
  if (Array.isArray(d.service))
    parts.push(t("event.service", { from: String(d.service[0]), to: String(d.service[1]) }));
  if (d.diagnosis) parts.push(t("event.diagnosis"));
  if (typeof d.mergedInto === "string") parts.push(t("event.mergedInto", { number: d.mergedInto }));
  if (typeof d.mergedFrom === "string") parts.push(t("event.mergedFrom", { number: d.mergedFrom }));
  if (typeof d.linked === "string") parts.push(t("event.linked", { number: d.linked }));
  if (typeof d.unlinked === "string") parts.push(t("event.unlinked", { number: d.unlinked }));
  // A ticket of another body, never named to a partner (see packages/core/src/tickets/reader.ts).
  if (d.linkedOther) parts.push(t("event.linkedOther"));
  if (d.unlinkedOther) parts.push(t("event.unlinkedOther"));
  if (d.mergedIntoOther) parts.push(t("event.mergedIntoOther"));
  if (d.mergedFromOther) parts.push(t("event.mergedFromOther"));
  if (typeof d.csat === "number") parts.push(t("event.csat", { n: d.csat }));
  if (Array.isArray(d.deadline)) parts.push(t("event.deadline"));
  return (
    <>
      <p className="mt-1">{parts.join(" · ") || t("event.other")}</p>
      {body ? <p className="mt-1 whitespace-pre-wrap">{body}</p> : null}
    </>
  );
}
