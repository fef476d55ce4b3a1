// The quarantine: e-mails nobody could be matched to, read by technicians, who accept them (a new
// ticket, or a reply to the ticket they answer) or reject them. Decided once, even when two click.
import type { Db, DbTx, Prisma } from "@mutuo/db";
import { conflict, notFound } from "../errors/index.ts";
import type { FileStore } from "../files/index.ts";
import { STAFF_ROLES, type Actor } from "../access/index.ts";
import { cursorPart, decodeCursor, encodeCursor, type Page } from "../shared/cursor.ts";
import { addMessage, createTicket, servicesForBody } from "../tickets/index.ts";
import { requireStaff } from "./policy.ts";
import { senderLabel } from "./parse.ts";
import { stripQuoted } from "./rules.ts";
import {
  acceptIncomingInput,
  incomingIdInput,
  listIncomingInput,
  type AcceptIncomingInput,
  type ListIncomingInput,
} from "./schema.ts";

const listSelect = {
  id: true,
  fromEmail: true,
  fromName: true,
  subject: true,
  receivedAt: true,
  status: true,
  reason: true,
  ticket: { select: { id: true, number: true } },
  _count: { select: { attachments: true } },
} satisfies Prisma.IncomingMailSelect;

export type IncomingListItem = Prisma.IncomingMailGetPayload<{ select: typeof listSelect }>;

export async function listIncoming(
  db: Db,
  actor: Actor,
  raw: ListIncomingInput,
): Promise<Page<IncomingListItem>> {
  requireStaff(actor);
  const input = listIncomingInput.parse(raw);
  const where: Prisma.IncomingMailWhereInput = input.view === "quarantined" ? { status: "quarantined" } : {};
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, [cursorPart.instant, cursorPart.uuid]);
    where.OR = [{ receivedAt: { lt: new Date(at) } }, { receivedAt: new Date(at), id: { lt: id } }];
  }
  const rows = await db.incomingMail.findMany({
    where,
    select: listSelect,
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > input.limit && last ? encodeCursor([last.receivedAt.toISOString(), last.id]) : null,
  };
}

export async function countQuarantined(db: Db, actor: Actor): Promise<number> {
  requireStaff(actor);
  return db.incomingMail.count({ where: { status: "quarantined" } });
}

export async function getIncoming(db: Db, actor: Actor, id: string) {
  requireStaff(actor);
  const mail = await db.incomingMail.findUnique({
    where: { id: incomingIdInput.parse({ id }).id },
    include: {
      ticket: { select: { id: true, number: true, subject: true } },
      attachments: { include: { file: { select: { name: true, size: true, mimeType: true } } } },
    },
  });
  if (!mail) throw notFound("incoming");
  const decidedBy = mail.decidedById
    ? await db.user.findUnique({ where: { id: mail.decidedById }, select: { name: true } })
    : null;
  return {
    ...mail,
    decidedByName: decidedBy?.name ?? null,
    reply: stripQuoted(mail.text),
    ...(await senderContext(db, actor, mail.fromEmail)),
  };
}

/** The bodies of a sender who is a partner agent, and the services their conventions cover: offered
 * first when a technician accepts their message as a ticket. */
async function senderContext(db: Db, actor: Actor, email: string) {
  const sender = email
    ? await db.user.findUnique({
        where: { email: email.toLowerCase() },
        select: { role: true, memberships: { select: { bodyId: true } } },
      })
    : null;
  const senderBodyIds = sender?.role === "agent" ? sender.memberships.map((m) => m.bodyId) : [];
  const services = await Promise.all(senderBodyIds.map((b) => servicesForBody(db, actor, b)));
  const senderServiceIds = [
    ...new Set(services.flatMap((s) => (s.covered ? s.services.map((x) => x.id) : []))),
  ];
  return { senderBodyIds, senderServiceIds };
}

/** Marks the message decided in the caller's transaction; a second decision finds it taken. */
async function decide(
  tx: DbTx,
  id: string,
  actor: Actor,
  status: "accepted" | "rejected",
  ticketId: string | null,
  now: Date,
) {
  const r = await tx.incomingMail.updateMany({
    where: { id, status: "quarantined" },
    data: { status, decidedById: actor.userId, decidedAt: now, ...(ticketId ? { ticketId } : {}) },
  });
  if (r.count !== 1) throw conflict("already_decided");
  await tx.incomingAttachment.deleteMany({ where: { incomingId: id } });
}

export async function acceptIncoming(
  db: Db,
  files: FileStore,
  actor: Actor,
  raw: AcceptIncomingInput,
  now = new Date(),
) {
  requireStaff(actor);
  const input = acceptIncomingInput.parse(raw);
  const mail = await db.incomingMail.findUnique({
    where: { id: input.id },
    include: { attachments: { select: { fileId: true } } },
  });
  if (!mail) throw notFound("incoming");
  if (mail.status !== "quarantined") throw conflict("already_decided");
  const fileIds = mail.attachments.map((a) => a.fileId);
  const text = stripQuoted(mail.text) || mail.subject || "—";
  if (input.as === "reply") {
    if (!mail.ticketId) throw conflict("no_ticket");
    const ticketId = mail.ticketId;
    await addMessage(db, files, actor, { ticketId, kind: "reply", body: text }, now, {
      outsideSender: senderLabel(mail),
      fileIds,
      inTx: (tx) => decide(tx, mail.id, actor, "accepted", null, now),
    });
    return { ticketId };
  }
  const ticket = await createTicket(
    db,
    files,
    actor,
    {
      bodyId: input.bodyId,
      serviceId: input.serviceId,
      category: input.category,
      impact: input.impact,
      urgency: input.urgency,
      declarantName: input.declarantName,
      declarantEmail: mail.fromEmail,
      subject: mail.subject.length >= 3 ? mail.subject.slice(0, 200) : "(sans objet)",
      description: (text.length >= 10 ? text : `${mail.subject}\n\n${text}`).slice(0, 20_000),
      channel: "email",
      receivedAt: mail.receivedAt,
    },
    now,
    { fileIds, inTx: (tx, t) => decide(tx, mail.id, actor, "accepted", t.id, now) },
  );
  return { ticketId: ticket.id };
}

export async function rejectIncoming(
  db: Db,
  files: FileStore,
  actor: Actor,
  raw: { id: string },
  now = new Date(),
) {
  requireStaff(actor);
  const { id } = incomingIdInput.parse(raw);
  const keys = await db.$transaction(async (tx) => {
    const attachments = await tx.incomingAttachment.findMany({
      where: { incomingId: id },
      include: { file: { select: { id: true, storageKey: true } } },
    });
    await decide(tx, id, actor, "rejected", null, now);
    await tx.storedFile.deleteMany({ where: { id: { in: attachments.map((a) => a.file.id) } } });
    return attachments.map((a) => a.file.storageKey);
  });
  await Promise.all(keys.map((k) => files.remove(k)));
}

/** A quarantined e-mail's attachment (staff only: unknown senders' files are not for partners). */
export async function readIncomingAttachment(db: Db, files: FileStore, actor: Actor, attachmentId: string) {
  if (!STAFF_ROLES.includes(actor.role as (typeof STAFF_ROLES)[number])) throw notFound("attachment");
  const att = await db.incomingAttachment.findUnique({
    where: { id: attachmentId },
    include: { file: true },
  });
  if (!att) throw notFound("attachment");
  return {
    name: att.file.name,
    mimeType: att.file.mimeType,
    size: att.file.size,
    bytes: await files.get(att.file.storageKey),
  };
}
