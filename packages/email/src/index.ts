// Outgoing mail for Mutuo: SMTP in production (SMTP_URL), or an outbox folder of .eml files when no
// SMTP server is configured (zero-setup installs; the files open in any mail client).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export interface OutgoingMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  /** Stable across retries, so that replies and deduplication can rely on it. */
  messageId?: string;
  inReplyTo?: string;
  headers?: Record<string, string>;
}

export interface MailTransportConfig {
  from: string;
  smtpUrl?: string;
  /** Folder receiving .eml files when smtpUrl is not set. */
  outboxDir?: string;
}

export interface MailSender {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/** Whether a sending error is final: the relay refused the recipient or the message for good (a
 * 5xx answer to RCPT TO or DATA), so retrying cannot help. Connection, authentication and 4xx
 * errors are worth retrying (they are often a relay's or a configuration's passing state). */
export function isPermanentFailure(error: unknown): boolean {
  const e = error as { responseCode?: number; command?: string } | null;
  return Boolean(
    e &&
    typeof e.responseCode === "number" &&
    e.responseCode >= 500 &&
    e.responseCode < 600 &&
    (e.command === "RCPT TO" || e.command === "DATA"),
  );
}

/** SMTP connections are pooled unless the URL says otherwise (`?pool=false`): opening one per
 * message (TCP, EHLO, TLS) costs ~100 ms each; a pooled connection sends in ~4 ms (bench:mail). */
export function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  return url.toString();
}

export function createMailSender(config: MailTransportConfig): MailSender {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(pooled(config.smtpUrl));
    return {
      async send(message) {
        await transport.sendMail({ from: config.from, ...message });
      },
      close: () => transport.close(),
    };
  }
  if (!config.outboxDir) throw new Error("createMailSender: smtpUrl or outboxDir is required");
  const outboxDir = config.outboxDir;
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: config.from, ...message });
      await mkdir(outboxDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const id = String(info.messageId).replace(/[^A-Za-z0-9@._-]/g, "");
      await writeFile(path.join(outboxDir, `${stamp}_${id}.eml`), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}

export {
  invitationMail,
  passwordResetMail,
  whichBodyMail,
  mailTestMail,
  type MailContent,
  type MailLocale,
} from "./templates.ts";
export {
  ticketMail,
  TICKET_TEMPLATES,
  type TicketTemplate,
  type TicketMailData,
} from "./ticket-templates.ts";
export { conventionMail, type ConventionMailData } from "./convention-templates.ts";
export { digestMail, type DigestData } from "./digest-template.ts";

import { conventionMail } from "./convention-templates.ts";
import { digestMail } from "./digest-template.ts";
import { ticketMail, type TicketTemplate } from "./ticket-templates.ts";
import {
  invitationMail,
  mailTestMail,
  passwordResetMail,
  whichBodyMail,
  type MailContent,
  type MailLocale,
} from "./templates.ts";

export const MAIL_TEMPLATES = [
  "identity.invitation",
  "identity.reset",
  "ticket.received",
  "ticket.new",
  "ticket.reply",
  "ticket.status",
  "ticket.assigned",
  "ticket.partner-reply",
  "ticket.sla-warning",
  "ticket.sla-breach",
  "convention.ending",
  "ticket.digest",
  "incoming.which-body",
  "mail.test",
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/** Templates whose link is a secret (a single-use sign-in link): not kept once delivered by SMTP. */
export const SECRET_TEMPLATES: readonly MailTemplate[] = ["identity.invitation", "identity.reset"];

/** Renders any outbox template. */
export function renderMail(
  template: MailTemplate,
  locale: MailLocale,
  data: Record<string, unknown>,
): MailContent {
  if (template === "identity.invitation")
    return invitationMail({
      ...(data as { name: string; inviter: string; link: string; expiresInDays: number }),
      locale,
    });
  if (template === "identity.reset")
    return passwordResetMail({
      ...(data as { name: string; link: string; expiresInMinutes: number }),
      locale,
    });
  if (template === "convention.ending") return conventionMail(locale, data as never);
  if (template === "ticket.digest") return digestMail(locale, data as never);
  if (template === "incoming.which-body") return whichBodyMail(locale, data as never);
  if (template === "mail.test") return mailTestMail(locale, data as never);
  return ticketMail(template as TicketTemplate, locale, data as never);
}
