// Loan alerts (ending, overdue, awaiting the partner, loss or theft declared) and the one-time code an
// agent types on the technician's tablet to validate a loan document.
import type { MailContent, MailLocale } from "./templates.ts";

export interface LoanMailData {
  kind: "ending" | "overdue" | "awaiting" | "loss" | "theft";
  number: string;
  body_name: string;
  date?: string;
  days?: number;
  late?: boolean;
  hours?: number;
  link: string;
  name?: string;
}

const day = (iso: string | undefined, locale: MailLocale) =>
  iso
    ? new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", {
        dateStyle: "full",
        timeZone: "UTC",
      }).format(new Date(`${iso}T12:00:00Z`))
    : "";

export function loanMail(locale: MailLocale, d: LoanMailData): MailContent {
  const hello = (w: string) => `${w}${d.name ? ` ${d.name}` : ""},\n\n`;
  if (locale === "en") {
    const what = {
      ending: [`Loan ending in ${d.days} days`, `The loan ends on ${day(d.date, locale)}: plan the return.`],
      overdue: ["Return overdue", `The loan ended on ${day(d.date, locale)} and the equipment is not back.`],
      awaiting: [
        "Inventory awaiting the partner's validation",
        "The technician validated; the partner has not yet.",
      ],
      loss: [
        "Loss declared",
        `A loss was declared${d.late ? ` late (${d.hours} h after discovery)` : " in time"}.`,
      ],
      theft: [
        "Theft declared",
        `A theft was declared${d.late ? ` late (${d.hours} h after discovery)` : " in time"}.`,
      ],
    }[d.kind] ?? ["Loan", ""];
    return {
      subject: `[${d.number}] ${what[0]}: ${d.body_name}`,
      text: `${hello("Hello")}${what[1]}\n\nSee the loan: ${d.link}\n\n—\nMutuo, shared digital services`,
    };
  }
  const what = {
    ending: [
      `Fin de prêt dans ${d.days} jours`,
      `Le prêt prend fin le ${day(d.date, locale)} : organisez la restitution.`,
    ],
    overdue: [
      "Restitution en retard",
      `Le prêt a pris fin le ${day(d.date, locale)} et le matériel n'est pas rendu.`,
    ],
    awaiting: [
      "Inventaire en attente de validation par l'organisme",
      "Le technicien a validé ; l'organisme pas encore.",
    ],
    loss: [
      "Perte déclarée",
      `Une perte a été déclarée${d.late ? ` hors délai (${d.hours} h après la découverte)` : " dans le délai de 24 h"}.`,
    ],
    theft: [
      "Vol déclaré",
      `Un vol a été déclaré${d.late ? ` hors délai (${d.hours} h après la découverte)` : " dans le délai de 24 h"}.`,
    ],
  }[d.kind] ?? ["Prêt", ""];
  return {
    subject: `[${d.number}] ${what[0]} : ${d.body_name}`,
    text: `${hello("Bonjour")}${what[1]}\n\nVoir le prêt : ${d.link}\n\n—\nMutuo, services numériques mutualisés`,
  };
}

export interface LoanCodeData {
  number: string;
  code: string;
  minutes: number;
  link: string;
  name?: string;
}

export function loanCodeMail(locale: MailLocale, d: LoanCodeData): MailContent {
  if (locale === "en")
    return {
      subject: `[${d.number}] Your validation code: ${d.code}`,
      text: `Hello${d.name ? ` ${d.name}` : ""},\n\nType this code on the technician's device to validate the document of loan ${d.number}: ${d.code}\nIt is valid for ${d.minutes} minutes, once.\n\nThe loan: ${d.link}\n\n—\nMutuo, shared digital services`,
    };
  return {
    subject: `[${d.number}] Votre code de validation : ${d.code}`,
    text: `Bonjour${d.name ? ` ${d.name}` : ""},\n\nSaisissez ce code sur l'appareil du technicien pour valider le document du prêt ${d.number} : ${d.code}\nIl est valable ${d.minutes} minutes, une seule fois.\n\nLe prêt : ${d.link}\n\n—\nMutuo, services numériques mutualisés`,
  };
}
