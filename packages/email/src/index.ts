// Outgoing mail for Mutuo: SMTP in production (SMTP_URL), or an outbox folder of .eml files when no
// SMTP server is configured (zero-setup installs; the files open in any mail client).
import { readFileSync } from "node:fs";
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
  /** Message-IDs of the thread, oldest first (space-separated). */
  references?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /** A calendar invitation (text/calendar alternative with its METHOD, and the .ics attached). */
  icalEvent?: { method: string; filename?: string; content: string };
}

export interface MailTransportConfig {
  from: string;
  smtpUrl?: string;
  /** Replaces the password of smtpUrl (SMTP_PASSWORD: no percent-encoding needed). */
  smtpPassword?: string;
  /** PEM file of the certificate authority that signed the relay's certificate (SMTP_TLS_CA_FILE). */
  smtpCaFile?: string;
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

/** Why a message could not be sent, in one line an administrator can act on: nodemailer's code
 * (ESOCKET, EAUTH, ETLS…), the relay's answer, and the underlying cause (e.g. a TLS certificate
 * the relay presents that we do not trust: DEPTH_ZERO_SELF_SIGNED_CERT). */
export function describeSendError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 1000);
  const e = error as Error & { code?: string; responseCode?: number; command?: string; cause?: unknown };
  const cause = e.cause as { code?: string; message?: string } | undefined;
  const parts = [
    e.code,
    e.command ? `(${e.command}${e.responseCode ? ` ${e.responseCode}` : ""})` : undefined,
    e.message,
    cause?.code && !e.message.includes(cause.code) ? `[${cause.code}]` : undefined,
  ];
  const line = parts.filter(Boolean).join(" ");
  const tls = /certificate|self[- ]signed|CERT_|UNABLE_TO_VERIFY/i.test(`${line} ${cause?.message ?? ""}`);
  return (
    tls
      ? `${line} — certificat TLS du relais non reconnu : voir SMTP_TLS_CA_FILE ou ?tls.rejectUnauthorized=false dans SMTP_URL`
      : line
  ).slice(0, 1000);
}

/** nodemailer's options from SMTP_URL: host, port, TLS, credentials (percent-decoded), `?pool=…`,
 * `?tls.<option>=…` (e.g. tls.rejectUnauthorized=false, tls.servername=…). Pooled unless the URL
 * says `?pool=false`: opening a connection per message (TCP, EHLO, TLS) costs ~100 ms; a pooled
 * connection sends in ~4 ms (bench:mail). */
export function smtpOptions(
  smtpUrl: string,
  extra: { password?: string; ca?: string | Buffer } = {},
): Record<string, unknown> {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const options: Record<string, unknown> = { host: url.hostname, secure, pool: true };
  if (url.port) options.port = Number(url.port);
  const user = decodeURIComponent(url.username);
  const pass = extra.password ?? decodeURIComponent(url.password);
  if (user || pass) options.auth = { user, pass };
  const tls: Record<string, unknown> = {};
  for (const [key, raw] of url.searchParams) {
    const value = raw === "true" ? true : raw === "false" ? false : /^\d+$/.test(raw) ? Number(raw) : raw;
    if (key.startsWith("tls.")) tls[key.slice(4)] = value;
    else if (!key.includes(".") && key !== "__proto__") options[key] = value;
  }
  if (extra.ca) tls.ca = extra.ca;
  if (Object.keys(tls).length) options.tls = tls;
  return options;
}

export function createMailSender(config: MailTransportConfig): MailSender {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(
      smtpOptions(config.smtpUrl, {
        password: config.smtpPassword,
        ca: config.smtpCaFile ? readFileSync(config.smtpCaFile) : undefined,
      }),
    );
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
export { loanMail, loanCodeMail, type LoanMailData, type LoanCodeData } from "./loan-templates.ts";
export { waitingMail, WAITING_TEMPLATES, type WaitingTemplate } from "./waiting-templates.ts";
export { reportMail, type ReportMailData } from "./report-templates.ts";
export { reportExportMail, type ReportExportMailData } from "./report-export-template.ts";
export {
  trainingMail,
  TRAINING_TEMPLATES,
  type TrainingTemplate,
  type TrainingMailData,
} from "./training-templates.ts";

import { conventionMail } from "./convention-templates.ts";
import { digestMail } from "./digest-template.ts";
import { reportMail } from "./report-templates.ts";
import { reportExportMail } from "./report-export-template.ts";
import { loanCodeMail, loanMail } from "./loan-templates.ts";
import { ticketMail, type TicketTemplate } from "./ticket-templates.ts";
import { trainingMail, TRAINING_TEMPLATES, type TrainingTemplate } from "./training-templates.ts";
import { waitingMail, WAITING_TEMPLATES, type WaitingTemplate } from "./waiting-templates.ts";
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
  ...WAITING_TEMPLATES,
  "incoming.which-body",
  "mail.test",
  "report.scheduled",
  "report.export-ready",
  "loan.alert",
  "loan.code",
  ...TRAINING_TEMPLATES,
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/** Templates whose link is a secret (a single-use sign-in link): not kept once delivered by SMTP. */
export const SECRET_TEMPLATES: readonly MailTemplate[] = [
  "identity.invitation",
  "identity.reset",
  "loan.code",
];

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
  if (template === "report.scheduled") return reportMail(locale, data as never);
  if (template === "report.export-ready") return reportExportMail(locale, data as never);
  if ((WAITING_TEMPLATES as readonly string[]).includes(template))
    return waitingMail(template as WaitingTemplate, locale, data as never);
  if (template === "incoming.which-body") return whichBodyMail(locale, data as never);
  if (template === "mail.test") return mailTestMail(locale, data as never);
  if (template === "loan.alert") return loanMail(locale, data as never);
  if (template === "loan.code") return loanCodeMail(locale, data as never);
  if ((TRAINING_TEMPLATES as readonly string[]).includes(template))
    return trainingMail(template as TrainingTemplate, locale, data as never);
  return ticketMail(template as TicketTemplate, locale, data as never);
}
