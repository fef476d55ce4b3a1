// Waiting on the partner with a date: the request for an answer, the reminders to the partner, the
// reminder to the technician when the date comes, and the automatic closure without an answer.
import type { MailContent, MailLocale } from "./templates.ts";

export const WAITING_TEMPLATES = [
  "ticket.waiting",
  "ticket.waiting-reminder",
  "ticket.waiting-due",
  "ticket.waiting-closed",
] as const;
export type WaitingTemplate = (typeof WAITING_TEMPLATES)[number];

export interface WaitingMailData {
  number: string;
  subject: string;
  link: string;
  name?: string;
  body?: string;
  body_name?: string;
  waitingUntil?: string | null;
}

const day = (iso: string, locale: MailLocale) =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Paris",
  }).format(new Date(iso));

export function waitingMail(template: WaitingTemplate, locale: MailLocale, d: WaitingMailData): MailContent {
  const en = locale === "en";
  const head = `[${d.number}]`;
  const until = d.waitingUntil ? day(d.waitingUntil, locale) : null;
  const hello = en ? `Hello${d.name ? ` ${d.name}` : ""},` : `Bonjour${d.name ? ` ${d.name}` : ""},`;
  const message = d.body ? `${d.body}\n\n` : "";
  const texts: Record<WaitingTemplate, [string, string]> = {
    "ticket.waiting": en
      ? [
          `${head} We are waiting for your answer: ${d.subject}`,
          `${message}We are waiting for your answer to go on with "${d.subject}"${until ? `, if possible before ${until} (Paris time)` : ""}. The clock is paused until you answer: reply to this e-mail.`,
        ]
      : [
          `${head} Nous attendons votre réponse : ${d.subject}`,
          `${message}Nous attendons votre réponse pour poursuivre « ${d.subject} »${until ? `, si possible avant le ${until} (heure de Paris)` : ""}. Le délai est suspendu jusqu'à votre réponse : répondez simplement à ce message.`,
        ],
    "ticket.waiting-reminder": en
      ? [
          `${head} Reminder: we are still waiting for your answer`,
          `We are still waiting for your answer about "${d.subject}". Without an answer${until ? ` by ${until}` : ""}, the request may be closed. Reply to this e-mail to go on.`,
        ]
      : [
          `${head} Relance : nous attendons toujours votre réponse`,
          `Nous attendons toujours votre réponse au sujet de « ${d.subject} ». Sans réponse${until ? ` d'ici le ${until}` : ""}, la demande pourra être close. Répondez à ce message pour la poursuivre.`,
        ],
    "ticket.waiting-due": en
      ? [
          `${head} Waiting date reached: ${d.subject}`,
          `The partner (${d.body_name ?? ""}) has not answered "${d.subject}"${until ? ` by ${until}` : ""}. Follow it up or change its status.`,
        ]
      : [
          `${head} Date d'attente atteinte : ${d.subject}`,
          `Le partenaire (${d.body_name ?? ""}) n'a pas répondu à « ${d.subject} »${until ? ` au ${until}` : ""}. Relancez-le ou changez le statut du ticket.`,
        ],
    "ticket.waiting-closed": en
      ? [
          `${head} Request closed without an answer`,
          `Without an answer from you, the request "${d.subject}" is closed. If the problem persists, open a new request and mention ${d.number}.`,
        ]
      : [
          `${head} Demande close faute de réponse`,
          `Faute de réponse de votre part, la demande « ${d.subject} » est close. Si le problème persiste, faites une nouvelle demande en rappelant le numéro ${d.number}.`,
        ],
  };
  const [subject, text] = texts[template];
  const link = en ? `Follow the request: ${d.link}` : `Suivre la demande : ${d.link}`;
  const sign = en ? "—\nMutuo, shared digital services" : "—\nMutuo, services numériques mutualisés";
  return { subject, text: `${hello}\n\n${text}\n\n${link}\n\n${sign}` };
}
