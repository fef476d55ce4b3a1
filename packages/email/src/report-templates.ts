// A scheduled report (SLA, training…): its figures in the text, the PDF attached or a link.
import type { MailContent, MailLocale } from "./templates.ts";

export interface ReportMailData {
  title: string;
  period: string;
  summary: string;
  /** The PDF is attached (else the link leads to it). */
  attached: boolean;
  link: string;
}

export function reportMail(locale: MailLocale, d: ReportMailData): MailContent {
  return locale === "en"
    ? {
        subject: `${d.title} — ${d.period}`,
        text: `Hello,\n\nHere is the report "${d.title}" for ${d.period}.\n\n${d.summary}\n\n${d.attached ? "The full report is attached (PDF)." : "The full report:"}\n${d.link}\n\n—\nMutuo, shared digital services\nThis is an automatic message, please do not reply.`,
      }
    : {
        subject: `${d.title} — ${d.period}`,
        text: `Bonjour,\n\nVoici le rapport « ${d.title} » pour ${d.period}.\n\n${d.summary}\n\n${d.attached ? "Le rapport complet est en pièce jointe (PDF)." : "Le rapport complet :"}\n${d.link}\n\n—\nMutuo, services numériques mutualisés\nCe message est automatique, merci de ne pas y répondre.`,
      };
}
