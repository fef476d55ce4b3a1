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

/** To an agent of several bodies whose e-mail did not say which one it is for. */
export function whichBodyMail(
  locale: MailLocale,
  d: { name: string; subject: string; bodies: string[]; link: string },
): MailContent {
  const list = d.bodies.map((b) => `- ${b}`).join("\n");
  return locale === "en"
    ? {
        subject: `Which body is it for? Your message "${d.subject}" is on hold`,
        text: `Hello ${d.name},\n\nWe received your message "${d.subject}", but you act for several bodies and it does not say which one:\n\n${list}\n\nSend it again naming the body (in the subject or the text), or make your request on the portal: ${d.link}\nMeanwhile a technician will look at it.\n\n${signature.en}`,
      }
    : {
        subject: `Pour quel organisme ? Votre message « ${d.subject} » est en attente`,
        text: `Bonjour ${d.name},\n\nNous avons bien reçu votre message « ${d.subject} », mais vous agissez pour plusieurs organismes et il ne dit pas lequel :\n\n${list}\n\nEnvoyez-le à nouveau en nommant l'organisme (dans l'objet ou le texte), ou faites votre demande sur le portail : ${d.link}\nEn attendant, un technicien l'examinera.\n\n${signature.fr}`,
      };
}

/** Sent by the « Tester la configuration » button of the mailbox page. */
export function mailTestMail(locale: MailLocale, d: { name: string; link: string }): MailContent {
  return locale === "en"
    ? {
        subject: "Mutuo: e-mail configuration test",
        text: `Hello ${d.name},\n\nThis message was sent by the "Test the configuration" button of Mutuo's mailbox page: the relay (SMTP_URL) accepted it.\n\nThe mailbox page: ${d.link}\n\n${signature.en}`,
      }
    : {
        subject: "Mutuo : test de la configuration du courriel",
        text: `Bonjour ${d.name},\n\nCe message a été envoyé par le bouton « Tester la configuration » de la page des courriels de Mutuo : le relais (SMTP_URL) l'a accepté.\n\nLa page des courriels : ${d.link}\n\n${signature.fr}`,
      };
}
