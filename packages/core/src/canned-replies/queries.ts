// Reading canned replies: the actor's own and the shared ones; filled for a ticket when inserted.
import type { Db } from "@mutuo/db";
import { canSeeBody, type Actor } from "../access/index.ts";
import { notFound } from "../errors/index.ts";
import { canManageShared, requireStaffMember } from "./policy.ts";
import { fillPlaceholders, parisDeadline } from "./rules.ts";
import { cannedForTicketInput, cannedReplyIdInput } from "./schema.ts";
import type { z } from "zod";

const select = { id: true, title: true, body: true, ownerId: true, updatedAt: true } as const;

export async function listCannedReplies(db: Db, actor: Actor) {
  requireStaffMember(actor);
  const rows = await db.cannedReply.findMany({
    where: { OR: [{ ownerId: actor.userId }, { ownerId: null }] },
    select,
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((r) => ({
    ...r,
    shared: r.ownerId === null,
    editable: r.ownerId !== null || canManageShared(actor),
  }));
}

export async function getCannedReply(db: Db, actor: Actor, raw: z.input<typeof cannedReplyIdInput>) {
  requireStaffMember(actor);
  const { id } = cannedReplyIdInput.parse(raw);
  const r = await db.cannedReply.findUnique({ where: { id }, select });
  if (!r || (r.ownerId !== null && r.ownerId !== actor.userId)) throw notFound("canned_reply");
  return { ...r, shared: r.ownerId === null, editable: r.ownerId !== null || canManageShared(actor) };
}

/** The replies ready to insert in this ticket: placeholders filled with its declarant, number, next
 * promised deadline (Paris time) and the technician's name. */
export async function cannedRepliesForTicket(
  db: Db,
  actor: Actor,
  raw: z.input<typeof cannedForTicketInput>,
) {
  requireStaffMember(actor);
  const { ticketId } = cannedForTicketInput.parse(raw);
  const [ticket, replies] = await Promise.all([
    db.ticket.findUnique({
      where: { id: ticketId },
      select: {
        bodyId: true,
        number: true,
        declarantName: true,
        interventionAt: true,
        interventionDueAt: true,
        resolutionDueAt: true,
      },
    }),
    listCannedReplies(db, actor),
  ]);
  if (!ticket || !canSeeBody(actor, ticket.bodyId)) throw notFound("ticket");
  const values = {
    declarant: ticket.declarantName,
    numero: ticket.number,
    echeance: parisDeadline(ticket.interventionAt ? ticket.resolutionDueAt : ticket.interventionDueAt),
    technicien: actor.name,
  };
  return replies.map((r) => ({
    id: r.id,
    title: r.title,
    shared: r.shared,
    text: fillPlaceholders(r.body, values),
  }));
}
