// A report export built in the background is ready: where to download it, and until when.
import type { MailContent, MailLocale } from "./templates.ts";

export interface ReportExportMailData {
  title: string;
  /** CSV, XLSX, PDF. */
  format: string;
  /** The last day it can be downloaded (already written in French). */
  expires: string;
  link: string;
}

export function reportExportMail(locale: MailLocale, d: ReportExportMailData): MailContent {
  return locale === "en"
    ? {
        subject: `Your export is ready: ${d.title}`,
        text: `Hello,\n\nThe export you asked for is ready: "${d.title}" (${d.format}).\n\nDownload it from your exports (signed in):\n${d.link}\n\nIt is kept until ${d.expires}.\n\n—\nMutuo, shared digital services\nThis is an automatic message, please do not reply.`,
      }
    : {
        subject: `Votre export est prêt : ${d.title}`,
        text: `Bonjour,\n\nL'export que vous avez demandé est prêt : « ${d.title} » (${d.format}).\n\nTéléchargez-le depuis vos exports (connexion requise) :\n${d.link}\n\nIl est conservé jusqu'au ${d.expires}.\n\n—\nMutuo, services numériques mutualisés\nCe message est automatique, merci de ne pas y répondre.`,
      };
}
