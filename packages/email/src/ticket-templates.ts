// Ticket notifications, French or English per recipient. Plain text (readable everywhere); the
// ticket number in the subject lets replies find their ticket.
import type { MailContent, MailLocale } from "./templates.ts";

const sign = {
  fr: "—\nMutuo, services numériques mutualisés",
  en: "—\nMutuo, shared digital services",
};

// Building a DateTimeFormat costs far more than using one: one per language.
const formats = new Map<MailLocale, Intl.DateTimeFormat>();
const when = (iso: string, locale: MailLocale) => {
  let f = formats.get(locale);
  if (!f)
    formats.set(
      locale,
      (f = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", {
        weekday: "long",
        day: "numeric",
        month: "long",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "Europe/Paris",
      })),
    );
  return f.format(new Date(iso));
};

export interface TicketMailData {
  number: string;
  subject: string;
  link: string;
  name?: string;
  dueAt?: string | null;
  status?: string;
  body?: string;
  target?: "intervention" | "resolution";
  body_name?: string;
}

const statusFr: Record<string, string> = {
  new: "nouvelle",
  assigned: "attribuée",
  in_progress: "en cours",
  waiting_partner: "en attente de votre réponse",
  resolved: "résolue",
  closed: "close",
  cancelled: "annulée",
};
const statusEn: Record<string, string> = {
  new: "new",
  assigned: "assigned",
  in_progress: "in progress",
  waiting_partner: "waiting for your answer",
  resolved: "resolved",
  closed: "closed",
  cancelled: "cancelled",
};

export const TICKET_TEMPLATES = [
  "ticket.received",
  "ticket.reply",
  "ticket.status",
  "ticket.assigned",
  "ticket.partner-reply",
  "ticket.sla-warning",
  "ticket.sla-breach",
] as const;
export type TicketTemplate = (typeof TICKET_TEMPLATES)[number];

export function ticketMail(template: TicketTemplate, locale: MailLocale, d: TicketMailData): MailContent {
  const en = locale === "en";
  const head = `[${d.number}]`;
  const hello = en ? `Hello${d.name ? ` ${d.name}` : ""},` : `Bonjour${d.name ? ` ${d.name}` : ""},`;
  const link = en ? `Follow the request: ${d.link}` : `Suivre la demande : ${d.link}`;
  const target =
    d.target === "resolution"
      ? en
        ? "resolution"
        : "résolution"
      : en
        ? "first intervention"
        : "première intervention";
  const lines: Record<TicketTemplate, [string, string]> = {
    "ticket.received": [
      en ? `${head} Request received: ${d.subject}` : `${head} Demande reçue : ${d.subject}`,
      en
        ? `Your request "${d.subject}" is registered under number ${d.number}.${d.dueAt ? `\nIntervention planned before ${when(d.dueAt, locale)} (Paris time).` : ""}\n\nReply to this e-mail to add information.`
        : `Votre demande « ${d.subject} » est enregistrée sous le numéro ${d.number}.${d.dueAt ? `\nIntervention prévue avant ${when(d.dueAt, locale)} (heure de Paris).` : ""}\n\nRépondez à ce message pour compléter votre demande.`,
    ],
    "ticket.reply": [
      en ? `${head} New reply: ${d.subject}` : `${head} Nouvelle réponse : ${d.subject}`,
      `${d.body ?? ""}`,
    ],
    "ticket.status": [
      en
        ? `${head} Your request is ${statusEn[d.status ?? ""] ?? d.status}`
        : `${head} Votre demande est ${statusFr[d.status ?? ""] ?? d.status}`,
      d.status === "resolved"
        ? en
          ? `Your request "${d.subject}" is resolved. Tell us how it was handled (1 to 5) on its page.`
          : `Votre demande « ${d.subject} » est résolue. Donnez votre avis sur son traitement (de 1 à 5) sur sa page.`
        : d.status === "waiting_partner"
          ? en
            ? `We need information from you to go on with "${d.subject}". The clock is paused until you answer.`
            : `Nous avons besoin d'informations de votre part pour poursuivre « ${d.subject} ». Le délai est suspendu jusqu'à votre réponse.`
          : en
            ? `Your request "${d.subject}" is now ${statusEn[d.status ?? ""] ?? d.status}.`
            : `Votre demande « ${d.subject} » est maintenant ${statusFr[d.status ?? ""] ?? d.status}.`,
    ],
    "ticket.assigned": [
      en ? `${head} Assigned to you: ${d.subject}` : `${head} Vous est attribué : ${d.subject}`,
      en
        ? `The ticket "${d.subject}" (${d.body_name ?? ""}) is assigned to you.${d.dueAt ? ` Next deadline: ${when(d.dueAt, locale)}.` : ""}`
        : `Le ticket « ${d.subject} » (${d.body_name ?? ""}) vous est attribué.${d.dueAt ? ` Prochaine échéance : ${when(d.dueAt, locale)}.` : ""}`,
    ],
    "ticket.partner-reply": [
      en ? `${head} The partner replied: ${d.subject}` : `${head} Le partenaire a répondu : ${d.subject}`,
      `${d.body ?? ""}`,
    ],
    "ticket.sla-warning": [
      en
        ? `${head} About to breach (${target}): ${d.subject}`
        : `${head} Bientôt en retard (${target}) : ${d.subject}`,
      en
        ? `The ${target} target of "${d.subject}" (${d.body_name ?? ""}) falls due ${d.dueAt ? when(d.dueAt, locale) : "soon"}.`
        : `Le délai de ${target} de « ${d.subject} » (${d.body_name ?? ""}) arrive à échéance ${d.dueAt ? when(d.dueAt, locale) : "bientôt"}.`,
    ],
    "ticket.sla-breach": [
      en ? `${head} Breached (${target}): ${d.subject}` : `${head} Délai dépassé (${target}) : ${d.subject}`,
      en
        ? `The ${target} target of "${d.subject}" (${d.body_name ?? ""}) was due ${d.dueAt ? when(d.dueAt, locale) : ""}. This escalation goes to the team's managers.`
        : `Le délai de ${target} de « ${d.subject} » (${d.body_name ?? ""}) était dû ${d.dueAt ? when(d.dueAt, locale) : ""}. Cette alerte est adressée aux responsables de l'équipe.`,
    ],
  };
  const [subject, body] = lines[template];
  return { subject, text: `${hello}\n\n${body}\n\n${link}\n\n${sign[en ? "en" : "fr"]}` };
}
