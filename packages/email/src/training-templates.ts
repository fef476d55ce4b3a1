// Training e-mails: invitation (with the calendar invitation attached), update, cancellation,
// promotion from the waitlist, reminder the day before, satisfaction survey.
import type { MailContent, MailLocale } from "./templates.ts";

export const TRAINING_TEMPLATES = [
  "training.invitation",
  "training.update",
  "training.cancelled",
  "training.promoted",
  "training.waitlisted",
  "training.reminder",
  "training.survey",
] as const;
export type TrainingTemplate = (typeof TRAINING_TEMPLATES)[number];

export interface TrainingMailData {
  number: string;
  title: string;
  name?: string;
  /** Slots as French (or English) lines, already formatted in Europe/Paris. */
  when: string[];
  where: string;
  link: string;
  position?: number;
}

const signature = {
  fr: "—\nMutuo, services numériques mutualisés",
  en: "—\nMutuo, shared digital services",
};

const fr: Record<TrainingTemplate, (d: TrainingMailData) => [string, string]> = {
  "training.invitation": (d) => [
    `Inscription confirmée : ${d.title} (${d.number})`,
    "Votre inscription est confirmée. L'invitation jointe ajoute les séances à votre agenda.",
  ],
  "training.update": (d) => [
    `Modification : ${d.title} (${d.number})`,
    "Les horaires ou le lieu de la formation ont changé. L'invitation jointe met votre agenda à jour.",
  ],
  "training.cancelled": (d) => [
    `Annulation : ${d.title} (${d.number})`,
    "Cette formation ou votre inscription est annulée. L'invitation jointe la retire de votre agenda.",
  ],
  "training.promoted": (d) => [
    `Une place s'est libérée : ${d.title} (${d.number})`,
    "Une place s'est libérée : vous passez de la liste d'attente aux inscrits. L'invitation jointe ajoute les séances à votre agenda.",
  ],
  "training.waitlisted": (d) => [
    `Liste d'attente : ${d.title} (${d.number})`,
    `La session est complète : vous êtes en liste d'attente (position ${d.position ?? "?"}). Vous serez prévenu si une place se libère.`,
  ],
  "training.reminder": (d) => [
    `Rappel : ${d.title} demain (${d.number})`,
    "Rappel : votre formation a lieu demain.",
  ],
  "training.survey": (d) => [
    `Votre avis sur la formation ${d.title} (${d.number})`,
    "Merci d'avoir participé. Donnez votre avis en quelques clics (une seule réponse par personne).",
  ],
};

const en: Record<TrainingTemplate, (d: TrainingMailData) => [string, string]> = {
  "training.invitation": (d) => [
    `Registration confirmed: ${d.title} (${d.number})`,
    "Your registration is confirmed. The attached invitation adds the sessions to your calendar.",
  ],
  "training.update": (d) => [
    `Changed: ${d.title} (${d.number})`,
    "The training's times or place changed. The attached invitation updates your calendar.",
  ],
  "training.cancelled": (d) => [
    `Cancelled: ${d.title} (${d.number})`,
    "This training or your registration is cancelled. The attached invitation removes it from your calendar.",
  ],
  "training.promoted": (d) => [
    `A seat is free: ${d.title} (${d.number})`,
    "A seat became free: you move from the waitlist to the registered. The attached invitation adds the sessions to your calendar.",
  ],
  "training.waitlisted": (d) => [
    `Waitlist: ${d.title} (${d.number})`,
    `The session is full: you are on the waitlist (position ${d.position ?? "?"}). We will tell you if a seat becomes free.`,
  ],
  "training.reminder": (d) => [
    `Reminder: ${d.title} tomorrow (${d.number})`,
    "Reminder: your training is tomorrow.",
  ],
  "training.survey": (d) => [
    `Your opinion on ${d.title} (${d.number})`,
    "Thank you for attending. Give your opinion in a few clicks (one answer per person).",
  ],
};

export function trainingMail(
  template: TrainingTemplate,
  locale: MailLocale,
  d: TrainingMailData,
): MailContent {
  const [subject, lead] = (locale === "en" ? en : fr)[template](d);
  const hello =
    locale === "en" ? `Hello${d.name ? ` ${d.name}` : ""},` : `Bonjour${d.name ? ` ${d.name}` : ""},`;
  const whenLabel = locale === "en" ? "When" : "Quand";
  const whereLabel = locale === "en" ? "Where" : "Où";
  const see = locale === "en" ? "See the session" : "Voir la session";
  const lines = [
    hello,
    "",
    lead,
    "",
    `${d.title} (${d.number})`,
    `${whenLabel} :`,
    ...(d.when ?? []).map((w) => `- ${w}`),
    ...(d.where ? [`${whereLabel} : ${d.where}`] : []),
    "",
    `${see} : ${d.link}`,
    "",
    signature[locale],
  ];
  return { subject, text: lines.join("\n") };
}
