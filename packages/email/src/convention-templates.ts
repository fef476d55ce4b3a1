// Convention alerts: an end or a notice deadline approaching (managers, and the signatory's agents).
import type { MailContent, MailLocale } from "./templates.ts";

export interface ConventionMailData {
  number: string;
  title: string;
  body_name: string;
  kind: "end" | "notice_deadline";
  date: string;
  days: number;
  link: string;
  name?: string;
}

const day = (iso: string, locale: MailLocale) =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "full", timeZone: "UTC" }).format(
    new Date(`${iso}T12:00:00Z`),
  );

export function conventionMail(locale: MailLocale, d: ConventionMailData): MailContent {
  if (locale === "en") {
    const what =
      d.kind === "end"
        ? `ends on ${day(d.date, locale)}`
        : `renews tacitly unless notice is given by ${day(d.date, locale)}`;
    return {
      subject: `[${d.number}] Agreement ${d.kind === "end" ? "ending" : "notice deadline"} in ${d.days} days: ${d.body_name}`,
      text: `Hello${d.name ? ` ${d.name}` : ""},\n\nThe agreement "${d.title}" (${d.body_name}) ${what}.\n\nSee the agreement: ${d.link}\n\n—\nMutuo, shared digital services`,
    };
  }
  const what =
    d.kind === "end"
      ? `prend fin le ${day(d.date, locale)}`
      : `sera reconduite tacitement sauf dénonciation au plus tard le ${day(d.date, locale)}`;
  return {
    subject: `[${d.number}] ${d.kind === "end" ? "Fin de convention" : "Dénonciation possible jusqu'au terme"} dans ${d.days} jours : ${d.body_name}`,
    text: `Bonjour${d.name ? ` ${d.name}` : ""},\n\nLa convention « ${d.title} » (${d.body_name}) ${what}.\n\nVoir la convention : ${d.link}\n\n—\nMutuo, services numériques mutualisés`,
  };
}
