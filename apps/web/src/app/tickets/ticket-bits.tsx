import { getFormatter, getTranslations } from "next-intl/server";
import { currentActor } from "../../server/session.ts";
import { firstOrdinal } from "../../lib/french-date.ts";

const stateColours: Record<string, string> = {
  ok: "bg-green-100 text-green-900",
  warning: "bg-amber-100 text-amber-900",
  breached: "bg-red-100 text-red-900",
  met: "bg-slate-100 text-slate-900",
  paused: "bg-sky-100 text-sky-900",
  none: "bg-slate-100 text-slate-700",
};

/** The state of a deadline; `feminine` after « Intervention » / « Résolution » (« Respectée »). */
export async function SlaBadge({ state, feminine }: { state: string; feminine?: boolean }) {
  const t = await getTranslations("tickets");
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${stateColours[state] ?? ""}`}>
      {t(`${feminine ? "slaTarget" : "sla"}.${state}`)}
    </span>
  );
}

/** A status as its reader says it: partners read it about their « demande » (feminine: « Résolue »,
 * « En attente de votre réponse »), staff « En attente du partenaire ». */
export async function StatusLabel({ status, partner }: { status: string; partner?: boolean }) {
  const t = await getTranslations("tickets");
  const p = await getTranslations("ticketPage");
  const forPartner = partner ?? (await currentActor())?.role === "agent";
  return (
    <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-900">
      {forPartner && status === "waiting_partner"
        ? p("statusPartnerWaiting")
        : t(`${forPartner ? "statusPartner" : "status"}.${status}`)}
    </span>
  );
}

/** A deadline in plain words, Paris time: "jeudi 26 novembre à 14:30". */
export async function formatDue(d: Date) {
  const format = await getFormatter();
  return firstOrdinal(
    format.dateTime(d, {
      weekday: "long",
      day: "numeric",
      month: "long",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Paris",
    }),
  );
}

/** What is promised next, in words: "intervention prévue avant jeudi 26 novembre à 14:30". */
export async function DuePromise({
  t: ticket,
  staff,
}: {
  /** Staff read « en attente du partenaire »; partners (the default) « en attente de votre réponse ». */
  staff?: boolean;
  t: {
    waitingUntil?: Date | null;
    status: string;
    interventionAt: Date | null;
    resolvedAt: Date | null;
    interventionDueAt: Date | null;
    resolutionDueAt: Date | null;
    slaState: string;
  };
}) {
  const t = await getTranslations("tickets");
  if (ticket.status === "cancelled") return <>{t("promise.cancelled")}</>;
  if (ticket.resolvedAt) return <>{t("promise.resolved")}</>;
  if (ticket.status === "waiting_partner") {
    const p = await getTranslations("ticketPage");
    const until = ticket.waitingUntil ? await formatDue(ticket.waitingUntil) : null;
    if (staff) return <>{until ? p("waitingStaffUntil", { when: until }) : p("waitingStaff")}</>;
    return <>{until ? p("waitingPartnerUntil", { when: until }) : p("waitingPartner")}</>;
  }
  if (!ticket.interventionAt && ticket.interventionDueAt)
    return <>{t("promise.intervention", { when: await formatDue(ticket.interventionDueAt) })}</>;
  if (ticket.resolutionDueAt)
    return <>{t("promise.resolution", { when: await formatDue(ticket.resolutionDueAt) })}</>;
  return <>{t("promise.none")}</>;
}
