// One received e-mail, processed once (its Message-ID is unique): ignored when automatic, added to
// its ticket when a known person replies (or a declarant without an account answers what we sent
// them), a new ticket when a partner agent writes, else quarantined.
import type { Db, DbTx, IncomingStatus, Prisma } from "@mutuo/db";
import { isDomainError } from "../errors/index.ts";
import type { FileStore } from "../files/index.ts";
import { actorByEmail } from "../identity/index.ts";
import { canSeeBody, outsideActor, type Actor } from "../access/index.ts";
import { addMessage, createTicket, OPEN_STATUSES, servicesForBody } from "../tickets/index.ts";
import { isUniqueViolation } from "../shared/unique.ts";
import { keepAttachments, storeQuarantined, type Kept } from "./files.ts";
import { derivedMessageId, parseMail, senderLabel, type ParsedMail } from "./parse.ts";
import { enqueueMail } from "../notifications/index.ts";
import {
  bodyNamedIn,
  checkSender,
  isAutomatic,
  referencedIds,
  stripQuoted,
  ticketNumberIn,
} from "./rules.ts";

export interface ReceiveOptions {
  /** When the message reached our mailbox (IMAP INTERNALDATE): a new ticket's reception time. */
  arrivedAt: Date;
  /** Our own addresses (the sender of notifications, the mailbox): never answered. */
  ownAddresses: string[];
  /** Code of the service for an e-mail that names none when the body's conventions cover several. */
  defaultServiceCode?: string;
  /** The authserv-id of our receiving server, whose Authentication-Results are believed (unset: not read). */
  trustedAuthservId?: string;
  /** What to do with a message our server wrote no Authentication-Results for (default: accept). */
  unauthenticated?: "accept" | "quarantine";
  now?: Date;
}

export interface ReceiveResult {
  status: IncomingStatus | "duplicate";
  incomingId?: string;
  ticketId?: string | null;
  reason?: string;
}

type Base = Omit<Prisma.IncomingMailUncheckedCreateInput, "status">;

/** What is recorded of a message whatever becomes of it. */
const baseOf = (mail: ParsedMail, arrivedAt: Date): Base => ({
  messageId: mail.messageId,
  fromEmail: mail.fromEmail,
  fromName: mail.fromName,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  headers: mail.headers as Prisma.InputJsonValue,
  receivedAt: arrivedAt,
});

/** The earlier processing of the same Message-ID, if any. */
async function duplicateOf(db: Db, messageId: string): Promise<ReceiveResult | null> {
  const seen = await db.incomingMail.findUnique({
    where: { messageId },
    select: { id: true, ticketId: true },
  });
  return seen ? { status: "duplicate", incomingId: seen.id, ticketId: seen.ticketId } : null;
}

/** The ticket an e-mail answers: by the Message-IDs it refers to (ours or earlier incoming ones), then by the number in its subject. */
async function ticketOf(db: Db, mail: ParsedMail) {
  const ids = referencedIds(mail.headers);
  let ticketId: string | null = null;
  if (ids.length) {
    const sent = await db.outboxMessage.findFirst({
      where: { messageId: { in: ids }, ticketId: { not: null } },
      select: { ticketId: true },
    });
    const received = sent
      ? null
      : await db.incomingMail.findFirst({
          where: { messageId: { in: ids }, ticketId: { not: null } },
          select: { ticketId: true },
        });
    ticketId = sent?.ticketId ?? received?.ticketId ?? null;
  }
  const number = ticketId ? null : ticketNumberIn(mail.subject);
  let ticket =
    ticketId || number
      ? await db.ticket.findFirst({
          where: ticketId ? { id: ticketId } : { number: number! },
          select: { id: true, bodyId: true, status: true, mergedIntoId: true },
        })
      : null;
  // A merged ticket's conversation continues in the one it was merged into.
  for (let i = 0; ticket?.mergedIntoId && i < 5; i++)
    ticket = await db.ticket.findUnique({
      where: { id: ticket.mergedIntoId },
      select: { id: true, bodyId: true, status: true, mergedIntoId: true },
    });
  return ticket;
}

/** Whether the message answers an e-mail of ours sent to its sender's address. */
async function answersOurMailTo(db: Db, mail: ParsedMail): Promise<boolean> {
  const ids = referencedIds(mail.headers);
  if (!ids.length) return false;
  return (
    (await db.outboxMessage.count({
      where: {
        messageId: { in: ids },
        ticketId: { not: null },
        toEmail: { equals: mail.fromEmail, mode: "insensitive" },
        // The DSI's new-ticket alerts go to team addresses: answering one is not the declarant speaking.
        template: { not: "ticket.new" },
      },
    })) > 0
  );
}

async function record(
  db: Db,
  base: Base,
  status: IncomingStatus,
  extra: Partial<Prisma.IncomingMailUncheckedCreateInput> = {},
): Promise<ReceiveResult> {
  try {
    const row = await db.incomingMail.create({
      data: { ...base, ...extra, status },
      select: { id: true, ticketId: true },
    });
    return { status, incomingId: row.id, ticketId: row.ticketId, reason: extra.reason ?? undefined };
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "duplicate" };
    throw error;
  }
}

async function quarantine(
  db: Db,
  files: FileStore,
  base: Base,
  kept: Kept,
  reason: string,
  ticketId: string | null,
  inTx?: (tx: DbTx) => Promise<void>,
): Promise<ReceiveResult> {
  const stored = await storeQuarantined(files, kept.attachments);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.incomingMail.create({
        data: { ...base, status: "quarantined", reason, ticketId },
        select: { id: true },
      });
      await stored.link(tx, row.id);
      await inTx?.(tx);
      return { status: "quarantined" as const, incomingId: row.id, ticketId, reason };
    });
  } catch (error) {
    await stored.discard();
    if (isUniqueViolation(error)) return { status: "duplicate" };
    throw error;
  }
}

/** A message that could not be processed after several tries (an unexpected error, not a rule):
 * put in the quarantine as far as it can be read, so a technician sees it and nothing is lost. */
export async function quarantineFailed(
  db: Db,
  files: FileStore,
  raw: Buffer,
  opts: { arrivedAt: Date },
): Promise<ReceiveResult> {
  const mail = await parseMail(raw).catch(() => null);
  const base: Base = mail
    ? baseOf(mail, opts.arrivedAt)
    : {
        messageId: derivedMessageId(raw),
        fromEmail: "",
        fromName: "",
        subject: "",
        text: raw.toString("utf8").slice(0, 20_000),
        html: null,
        headers: {},
        receivedAt: opts.arrivedAt,
      };
  const duplicate = await duplicateOf(db, base.messageId);
  if (duplicate) return duplicate;
  const kept = mail ? keepAttachments(mail.attachments) : { attachments: [], skipped: [] };
  if (kept.skipped.length) base.skipped = kept.skipped as Prisma.InputJsonValue;
  return quarantine(db, files, base, kept, "failed", null);
}

/** The service of a ticket opened by e-mail: the one named in it, else the only one covered, else the configured default, else the first. */
export async function guessService(
  db: Db,
  actor: Actor,
  bodyId: string,
  mail: { subject: string; text: string },
  defaultCode: string | undefined,
  now: Date,
) {
  const { services } = await servicesForBody(db, actor, bodyId, now);
  if (!services.length) return null;
  const haystack = `${mail.subject}\n${mail.text}`.toLowerCase();
  const named = services.find((s) => haystack.includes(s.name.toLowerCase()));
  if (named) return { id: named.id, guessed: false };
  if (services.length === 1) return { id: services[0]!.id, guessed: false };
  if (defaultCode) {
    const byCode = await db.service.findFirst({
      where: { code: defaultCode, id: { in: services.map((s) => s.id) } },
      select: { id: true },
    });
    if (byCode) return { id: byCode.id, guessed: true };
  }
  return { id: services[0]!.id, guessed: true };
}

/** The body an agent writes for: their only one; else the one the message names, or the body of a
 * ticket it quotes; else the one they last opened a ticket for, or act for on the portal. */
async function bodyOf(db: Db, actor: Actor, mail: ParsedMail, reply: string): Promise<string | null> {
  if (actor.bodyIds.length === 1) return actor.bodyIds[0]!;
  const bodies = await db.body.findMany({
    where: { id: { in: actor.bodyIds } },
    select: { id: true, legalName: true, kind: true },
  });
  const named = bodyNamedIn(`${mail.subject}\n${reply}`, bodies);
  if (named) return named;
  const number = ticketNumberIn(reply);
  const quoted = number
    ? await db.ticket.findFirst({
        where: { number, bodyId: { in: actor.bodyIds } },
        select: { bodyId: true },
      })
    : null;
  if (quoted) return quoted.bodyId;
  const last = await db.ticket.findFirst({
    where: { bodyId: { in: actor.bodyIds }, createdById: actor.userId },
    orderBy: { receivedAt: "desc" },
    select: { bodyId: true },
  });
  if (last) return last.bodyId;
  const session = await db.session.findFirst({
    where: { userId: actor.userId, activeBodyId: { in: actor.bodyIds } },
    orderBy: { createdAt: "desc" },
    select: { activeBodyId: true },
  });
  return session?.activeBodyId ?? null;
}

/** Tells an agent of several bodies that their message waits until they say which body it is for. */
async function askWhichBody(tx: DbTx, actor: Actor, mail: ParsedMail) {
  const [user, bodies] = await Promise.all([
    tx.user.findUnique({ where: { id: actor.userId }, select: { email: true, locale: true } }),
    tx.body.findMany({
      where: { id: { in: actor.bodyIds } },
      select: { legalName: true },
      orderBy: { legalName: "asc" },
    }),
  ]);
  if (!user) return;
  await enqueueMail(tx, {
    dedupKey: `incoming.which-body:${mail.messageId}`,
    template: "incoming.which-body",
    to: user.email,
    toUserId: actor.userId,
    locale: user.locale,
    inReplyTo: mail.messageId,
    data: {
      name: actor.name,
      subject: mail.subject,
      bodies: bodies.map((b) => b.legalName),
      path: "/demandes/nouvelle",
    },
  });
}

/** Why the sender cannot be believed, if so: our server found it forged, or vouched for nothing
 * while the installation asks for it. */
function senderDoubt(mail: ParsedMail, opts: ReceiveOptions): string | null {
  if (!opts.trustedAuthservId) return null;
  const check = checkSender(mail.authenticationResults, opts.trustedAuthservId);
  if (check.verdict === "fail") return check.reason;
  if (check.verdict === "absent" && opts.unauthenticated === "quarantine") return "unauthenticated";
  return null;
}

export async function receiveMail(
  db: Db,
  files: FileStore,
  raw: Buffer,
  opts: ReceiveOptions,
): Promise<ReceiveResult> {
  const now = opts.now ?? new Date();
  const mail = await parseMail(raw);
  const duplicate = await duplicateOf(db, mail.messageId);
  if (duplicate) return duplicate;
  const base = baseOf(mail, opts.arrivedAt);
  if (!mail.fromEmail) return record(db, base, "ignored", { reason: "no_sender" });
  if (isAutomatic(mail.headers, opts.ownAddresses))
    return record(db, base, "ignored", { reason: "automatic" });

  const kept = keepAttachments(mail.attachments);
  if (kept.skipped.length) base.skipped = kept.skipped as Prisma.InputJsonValue;
  // From: is trusted only as far as our receiving server vouches for it (anyone can write it).
  const forged = senderDoubt(mail, opts);
  if (forged) return quarantine(db, files, base, kept, forged, (await ticketOf(db, mail))?.id ?? null);
  const actor = await actorByEmail(db, mail.fromEmail);
  const ticket = await ticketOf(db, mail);
  const reply = stripQuoted(mail.text);

  try {
    if (ticket) {
      // A declarant without an account may answer what we sent them about this ticket (the
      // message refers to it and comes from the address it went to); anyone else without an account waits.
      const declarant = actor ? null : await answersOurMailTo(db, mail);
      if (!actor && !declarant) return await quarantine(db, files, base, kept, "unknown_sender", ticket.id);
      if (actor && !canSeeBody(actor, ticket.bodyId))
        return await quarantine(db, files, base, kept, "not_allowed", ticket.id);
      if (!OPEN_STATUSES.includes(ticket.status) && ticket.status !== "resolved")
        return await quarantine(db, files, base, kept, "ticket_closed", ticket.id);
      const sender = senderLabel(mail);
      let incomingId = "";
      await addMessage(
        db,
        files,
        actor ?? outsideActor(sender, ticket.bodyId),
        {
          ticketId: ticket.id,
          kind: "reply",
          body: reply || mail.subject || "—",
          attachments: kept.attachments,
        },
        now,
        {
          outsideSender: actor ? undefined : sender,
          inTx: async (tx) => {
            incomingId = (
              await tx.incomingMail.create({
                data: { ...base, status: "reply", ticketId: ticket.id },
                select: { id: true },
              })
            ).id;
          },
        },
      );
      return { status: "reply", incomingId, ticketId: ticket.id };
    }
    if (!actor) return await quarantine(db, files, base, kept, "unknown_sender", null);
    if (actor.role !== "agent") return await quarantine(db, files, base, kept, "staff_sender", null);
    if (!actor.bodyIds.length) return await quarantine(db, files, base, kept, "not_allowed", null);
    const bodyId = await bodyOf(db, actor, mail, reply);
    if (!bodyId)
      return await quarantine(db, files, base, kept, "several_bodies", null, (tx) =>
        askWhichBody(tx, actor, mail),
      );
    const service = await guessService(db, actor, bodyId, mail, opts.defaultServiceCode, now);
    if (!service) return await quarantine(db, files, base, kept, "no_service", null);
    const description = reply.length >= 10 ? reply : `${mail.subject}\n\n${reply}`.trim();
    let incomingId = "";
    const created = await createTicket(
      db,
      files,
      actor,
      {
        bodyId,
        serviceId: service.id,
        subject: mail.subject.length >= 3 ? mail.subject.slice(0, 200) : "(sans objet)",
        description: description.slice(0, 20_000),
        category: "request",
        impact: "medium",
        urgency: "medium",
        declarantName: actor.name,
        declarantEmail: mail.fromEmail,
        attachments: kept.attachments,
      },
      now,
      {
        via: { channel: "email", receivedAt: opts.arrivedAt },
        note: service.guessed
          ? "Service choisi par défaut : le courriel n'en nommait aucun. À vérifier."
          : undefined,
        inTx: async (tx, t) => {
          incomingId = (
            await tx.incomingMail.create({
              data: { ...base, status: "ticket", ticketId: t.id },
              select: { id: true },
            })
          ).id;
        },
      },
    );
    return { status: "ticket", incomingId, ticketId: created.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "duplicate" };
    // What the rules refuse (description too short, channel not in the convention…) waits for a technician.
    if (isDomainError(error))
      return quarantine(
        db,
        files,
        base,
        kept,
        `refused:${(error.field ?? error.message).slice(0, 30)}`,
        ticket?.id ?? null,
      );
    throw error;
  }
}
