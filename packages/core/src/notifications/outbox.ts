// The outbox: e-mails are written in the transaction of the change they report, once per event and
// recipient (dedupKey), and delivered by the worker: claimed under a lease (SKIP LOCKED, so several
// workers share the work), sent with a Message-ID stable across retries, retried with backoff.
import { randomUUID } from "node:crypto";
import {
  describeSendError,
  isPermanentFailure,
  renderMail,
  SECRET_TEMPLATES,
  type MailTemplate,
} from "@mutuo/email";
import type { Db, DbTx, OutboxMessage, Prisma } from "@mutuo/db";
import type { Mailer } from "../jobs/define.ts";
import { wants } from "./preferences.ts";

export interface OutboxEntry {
  dedupKey: string;
  template: MailTemplate;
  data: Record<string, unknown>;
  to: string;
  toUserId?: string | null;
  locale?: string;
  ticketId?: string | null;
  inReplyTo?: string | null;
  /** Sent whatever the recipient's preferences (e.g. a critical ticket's alert). */
  always?: boolean;
}

/** Queues an e-mail in the caller's transaction; a second call with the same key does nothing. */
export async function enqueueMail(tx: DbTx, e: OutboxEntry): Promise<void> {
  if (!e.always && !(await wants(tx, e.toUserId, e.template))) return;
  await tx.outboxMessage.createMany({
    data: [
      {
        dedupKey: e.dedupKey,
        template: e.template,
        data: e.data as Prisma.InputJsonValue,
        toEmail: e.to.toLowerCase(),
        toUserId: e.toUserId ?? null,
        locale: e.locale === "en" ? "en" : "fr",
        // The domain is the sender's, known to the worker: set at delivery (see finalMessageId).
        messageId: `<${randomUUID()}${PLACEHOLDER}`,
        inReplyTo: e.inReplyTo ?? null,
        ticketId: e.ticketId ?? null,
      },
    ],
    skipDuplicates: true,
  });
}

const PLACEHOLDER = "@mutuo>";

/** A queued Message-ID on the domain of MAIL_FROM (the same id whatever the moment it is computed). */
export const finalMessageId = (id: string, domain: string | undefined) =>
  domain && id.endsWith(PLACEHOLDER) ? `${id.slice(0, -PLACEHOLDER.length)}@${domain}>` : id;

/** The first message of a ticket's thread: the e-mail that opened it, else the first we sent about it
 * (so that mail clients group every notification of a ticket together). */
async function threadRoot(db: Db, m: OutboxMessage): Promise<string | null> {
  if (!m.ticketId) return null;
  const opened = await db.incomingMail.findFirst({
    where: { ticketId: m.ticketId, status: { in: ["ticket", "accepted"] } },
    orderBy: { receivedAt: "asc" },
    select: { messageId: true },
  });
  if (opened) return opened.messageId;
  const first = await db.outboxMessage.findFirst({
    where: { ticketId: m.ticketId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, messageId: true },
  });
  return first && first.id !== m.id ? first.messageId : null;
}

/** Files attached to a message: a scheduled report's PDF, kept with its run (data.reportRunId). */
async function attachmentsOf(db: Db, m: OutboxMessage) {
  const runId = (m.data as { reportRunId?: string }).reportRunId;
  if (!runId) return [];
  const run = await db.reportRun.findUnique({ where: { id: runId }, select: { pdf: true, fileName: true } });
  return run
    ? [{ filename: run.fileName, content: Buffer.from(run.pdf), contentType: "application/pdf" }]
    : [];
}

/** A calendar invitation queued with the message (`data.ical`: { method, content }), as a text/calendar
 * alternative of the e-mail (how Outlook, Thunderbird and Google Calendar expect an iTIP message). */
function calendarPart(data: unknown): { icalEvent?: { method: string; filename: string; content: string } } {
  const ical = (data as { ical?: { method?: unknown; content?: unknown } } | null)?.ical;
  if (!ical || typeof ical.method !== "string" || typeof ical.content !== "string") return {};
  return { icalEvent: { method: ical.method, filename: "invitation.ics", content: ical.content } };
}

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 2 * 60_000;

/** Backoff after the n-th failed attempt: 1, 2, 4 … minutes, at most an hour. */
export const backoffMs = (attempts: number) => Math.min(3600_000, 60_000 * 2 ** Math.max(0, attempts - 1));

/** Claims due messages for this worker (a crashed worker's lease expires and another takes over). */
export async function claimBatch(
  db: Db,
  now: Date,
  limit = 20,
  leaseMs = LEASE_MS,
): Promise<OutboxMessage[]> {
  const rows = await db.$queryRaw<OutboxMessage[]>`
    UPDATE "OutboxMessage" SET "leaseUntil" = ${new Date(now.getTime() + leaseMs)}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
      ORDER BY "nextAttemptAt", "id" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING *`;
  // RETURNING keeps no order: deliver in the order the messages were queued (a ticket's first
  // e-mail is the one the next ones thread under).
  const key = (m: OutboxMessage) => [m.nextAttemptAt.getTime(), m.createdAt.getTime()] as const;
  return rows.sort((a, b) => {
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    return a1 - b1 || a2 - b2 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/** The message's text, with links on the public URL of this installation. */
export function render(m: Pick<OutboxMessage, "template" | "locale" | "data">, baseUrl: string) {
  const data = m.data as { path?: string };
  return renderMail(m.template as MailTemplate, m.locale === "en" ? "en" : "fr", {
    ...(m.data as object),
    link: `${baseUrl}${data.path ?? "/"}`,
  });
}

/** Renders the HTML version of a message (the worker passes MJML's; none in tests that do not care). */
export type HtmlRenderer = (
  content: { subject: string; text: string },
  locale: "fr" | "en",
) => Promise<string>;

export interface DeliveryOptions {
  limit?: number;
  leaseMs?: number;
  html?: HtmlRenderer;
  /** With a real SMTP relay: single-use links are not kept once the message has left (only the
   * recipient holds them). Without one (the demo), the built-in mailbox must show them. */
  scrubSecrets?: boolean;
  /** Domain of the Message-IDs (that of MAIL_FROM). */
  messageIdDomain?: string;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  /** Why messages were not sent this time (at most one line per distinct cause). */
  errors: { to: string; template: string; error: string; final: boolean }[];
}

const SCRUBBED = "[lien à usage unique retiré après l'envoi]";

/** Delivers one claimed batch; returns what happened. */
export async function deliverBatch(
  db: Db,
  mailer: Mailer,
  baseUrl: string,
  now: Date,
  opts: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const batch = await claimBatch(db, now, opts.limit ?? 20, opts.leaseMs ?? LEASE_MS);
  const out: DeliveryReport = { sent: 0, retried: 0, failed: 0, errors: [] };
  for (const m of batch) {
    const domain = opts.messageIdDomain;
    const messageId = finalMessageId(m.messageId, domain);
    const root = await threadRoot(db, m);
    const inReplyTo = m.inReplyTo ?? root;
    const references = [...new Set([root, m.inReplyTo].filter((x): x is string => Boolean(x)))]
      .map((id) => finalMessageId(id, domain))
      .join(" ");
    const content = render(m, baseUrl);
    const secret =
      opts.scrubSecrets && SECRET_TEMPLATES.includes(m.template as MailTemplate)
        ? `${baseUrl}${(m.data as { path?: string }).path ?? ""}`
        : null;
    const keep = (s: string | undefined) => (s && secret ? s.replaceAll(secret, SCRUBBED) : (s ?? null));
    try {
      const body = opts.html ? await opts.html(content, m.locale === "en" ? "en" : "fr") : undefined;
      const attachments = await attachmentsOf(db, m);
      await mailer.send({
        to: m.toEmail,
        subject: content.subject,
        text: content.text,
        html: body,
        messageId,
        inReplyTo: inReplyTo ? finalMessageId(inReplyTo, domain) : undefined,
        references: references || undefined,
        ...calendarPart(m.data),
        headers: {
          "Auto-Submitted": "auto-generated",
          "X-Mutuo-Ticket": String((m.data as { number?: string }).number ?? ""),
        },
        ...(attachments.length ? { attachments } : {}),
      });
      await db.outboxMessage.update({
        where: { id: m.id },
        data: {
          status: "sent",
          messageId,
          sentAt: new Date(),
          leaseUntil: null,
          lastError: null,
          subject: content.subject,
          text: keep(content.text),
          html: keep(body),
          ...(secret ? { data: { ...(m.data as object), path: null } as Prisma.InputJsonValue } : {}),
        },
      });
      out.sent++;
    } catch (error) {
      // A recipient or message refused for good is not retried: the admin sees it at once.
      const failed = m.attempts >= MAX_ATTEMPTS || isPermanentFailure(error);
      const cause = describeSendError(error);
      if (!out.errors.some((e) => e.error === cause))
        out.errors.push({ to: m.toEmail, template: m.template, error: cause, final: failed });
      await db.outboxMessage.update({
        where: { id: m.id },
        data: {
          status: failed ? "failed" : "pending",
          leaseUntil: null,
          messageId,
          lastError: cause,
          nextAttemptAt: new Date(now.getTime() + backoffMs(m.attempts)),
          subject: content.subject,
          text: keep(content.text),
        },
      });
      if (failed) out.failed++;
      else out.retried++;
    }
  }
  return out;
}
