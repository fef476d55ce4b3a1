// The technician's optional daily digest: their open tickets, nearest deadline first.
import type { MailContent, MailLocale } from "./templates.ts";

export interface DigestData {
  name?: string;
  link: string;
  items: { number: string; subject: string; dueAt: string | null }[];
}

export function digestMail(locale: MailLocale, d: DigestData): MailContent {
  const en = locale === "en";
  const fmt = new Intl.DateTimeFormat(en ? "en-GB" : "fr-FR", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Paris",
  });
  const lines = d.items
    .map(
      (i) =>
        `- ${i.number} ${i.subject}${i.dueAt ? ` — ${en ? "due" : "échéance"} ${fmt.format(new Date(i.dueAt))}` : ""}`,
    )
    .join("\n");
  return en
    ? {
        subject: `Your ${d.items.length} open ticket(s)`,
        text: `Hello${d.name ? ` ${d.name}` : ""},\n\nYour open tickets, nearest deadline first:\n\n${lines}\n\nYour queue: ${d.link}\n\n—\nMutuo`,
      }
    : {
        subject: `Vos ${d.items.length} ticket(s) ouverts`,
        text: `Bonjour${d.name ? ` ${d.name}` : ""},\n\nVos tickets ouverts, échéance la plus proche d'abord :\n\n${lines}\n\nVotre file : ${d.link}\n\n—\nMutuo`,
      };
}
