// E-mail texts, French first. Plain text: readable everywhere, nothing to track.
export type MailLocale = "fr" | "en";

export interface MailContent {
  subject: string;
  text: string;
}

const signature = {
  fr: "—\nMutuo, services numériques mutualisés\nCe message est automatique, merci de ne pas y répondre.",
  en: "—\nMutuo, shared digital services\nThis is an automatic message, please do not reply.",
};

export function invitationMail(p: {
  locale: MailLocale;
  name: string;
  inviter: string;
  link: string;
  expiresInDays: number;
}): MailContent {
  return p.locale === "en"
    ? {
        subject: "Your Mutuo account",
        text: `Hello ${p.name},\n\n${p.inviter} invites you to Mutuo. Choose your password with this link (valid ${p.expiresInDays} days):\n\n${p.link}\n\n${signature.en}`,
      }
    : {
        subject: "Votre compte Mutuo",
        text: `Bonjour ${p.name},\n\n${p.inviter} vous invite sur Mutuo. Choisissez votre mot de passe avec ce lien (valable ${p.expiresInDays} jours) :\n\n${p.link}\n\n${signature.fr}`,
      };
}

export function passwordResetMail(p: {
  locale: MailLocale;
  name: string;
  link: string;
  expiresInMinutes: number;
}): MailContent {
  return p.locale === "en"
    ? {
        subject: "Reset your Mutuo password",
        text: `Hello ${p.name},\n\nTo choose a new password, follow this link (valid ${p.expiresInMinutes} minutes):\n\n${p.link}\n\nIf you did not ask for it, ignore this message: your password is unchanged.\n\n${signature.en}`,
      }
    : {
        subject: "Réinitialisation de votre mot de passe Mutuo",
        text: `Bonjour ${p.name},\n\nPour choisir un nouveau mot de passe, suivez ce lien (valable ${p.expiresInMinutes} minutes) :\n\n${p.link}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n\n${signature.fr}`,
      };
}
