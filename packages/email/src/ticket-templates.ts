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
  service_name?: string;
  priority?: string;
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

const priorityFr: Record<string, string> = {
  critical: "critique",
  high: "haute",
  medium: "moyenne",
  low: "basse",
};
const priorityEn: Record<string, string> = {
  critical: "critical",
  high: "high",
  medium: "medium",
  low: "low",
};

/** What a partner's e-mail says first, by the ticket's status after the event: the subject names it
 * and the first line says what the partner can do (answer, reopen, rate). */
function partnerNews(locale: MailLocale, d: TicketMailData): { title: string; lead: string; after: string } {
  const en = locale === "en";
  const s = d.subject;
  if (d.status === "resolved")
    return en
      ? {
          title: "Your request is resolved — reply to reopen it, rate the handling",
          lead: `Your request "${s}" is resolved. If the problem persists, reply to this e-mail: the request reopens.`,
          after: `\n\nTell us how it was handled (choose a rating from 1 to 5): ${d.link}#noter`,
        }
      : {
          title: "Votre demande est résolue — répondez pour la rouvrir, notez le traitement",
          lead: `Votre demande « ${s} » est résolue. Si le problème persiste, répondez à ce message : la demande sera rouverte.`,
          after: `\n\nDonnez votre avis sur son traitement (choisissez une note de 1 à 5) : ${d.link}#noter`,
        };
  if (d.status === "waiting_partner")
    return en
      ? {
          title: "We are waiting for your answer — the deadline is paused",
          lead: `We need information from you to go on with "${s}". The deadline is paused until you answer: just reply to this e-mail.`,
          after: "",
        }
      : {
          title: "Nous attendons votre réponse — le délai est suspendu",
          lead: `Nous avons besoin d'informations de votre part pour poursuivre « ${s} ». Le délai est suspendu jusqu'à votre réponse : répondez simplement à ce message.`,
          after: "",
        };
  if (d.status === "closed" || d.status === "cancelled")
    return en
      ? {
          title: `Your request is ${statusEn[d.status]}`,
          lead: `Your request "${s}" is ${statusEn[d.status]}. For a new problem, open a new request.`,
          after: "",
        }
      : {
          title: `Votre demande est ${statusFr[d.status]}`,
          lead: `Votre demande « ${s} » est ${statusFr[d.status]}. Pour un nouveau problème, faites une nouvelle demande.`,
          after: "",
        };
  return en
    ? {
        title: "A technician answers — your request is being handled",
        lead: `A technician answers about "${s}". Reply to this e-mail to answer them.`,
        after: "",
      }
    : {
        title: "Un technicien vous répond — votre demande est en cours de traitement",
        lead: `Un technicien vous répond au sujet de « ${s} ». Répondez à ce message pour lui répondre.`,
        after: "",
      };
}

export const TICKET_TEMPLATES = [
  "ticket.received",
  "ticket.new",
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
  const news = partnerNews(locale, d);
  const lines: Record<TicketTemplate, [string, string]> = {
    "ticket.received": [
      en ? `${head} Request received: ${d.subject}` : `${head} Demande reçue : ${d.subject}`,
      en
        ? `Your request "${d.subject}" is registered under number ${d.number}.${d.dueAt ? `\nIntervention planned before ${when(d.dueAt, locale)} (Paris time).` : ""}\n\nReply to this e-mail to add information.`
        : `Votre demande « ${d.subject} » est enregistrée sous le numéro ${d.number}.${d.dueAt ? `\nIntervention prévue avant ${when(d.dueAt, locale)} (heure de Paris).` : ""}\n\nRépondez à ce message pour compléter votre demande.`,
    ],
    "ticket.reply": [`${head} ${news.title}`, `${news.lead}\n\n${d.body ?? ""}${news.after}`],
    "ticket.status": [`${head} ${news.title}`, `${news.lead}${news.after}`],
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
    "ticket.new": [
      d.priority === "critical"
        ? en
          ? `${head} CRITICAL new ticket: ${d.subject}`
          : `${head} Nouveau ticket CRITIQUE : ${d.subject}`
        : en
          ? `${head} New ticket: ${d.subject}`
          : `${head} Nouveau ticket : ${d.subject}`,
      en
        ? `${d.body_name ?? ""} opened a ticket on ${d.service_name ?? ""}${d.priority ? ` (priority: ${priorityEn[d.priority] ?? d.priority})` : ""}: "${d.subject}".${d.dueAt ? `\nFirst intervention due ${when(d.dueAt, locale)} (Paris time).` : ""}${d.body ? `\n\n${d.body}` : ""}`
        : `${d.body_name ?? ""} a ouvert un ticket sur ${d.service_name ?? ""}${d.priority ? ` (priorité : ${priorityFr[d.priority] ?? d.priority})` : ""} : « ${d.subject} ».${d.dueAt ? `\nPremière intervention attendue avant ${when(d.dueAt, locale)} (heure de Paris).` : ""}${d.body ? `\n\n${d.body}` : ""}`,
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
