// Who else is on a ticket right now (collision warning): each staff page sends a heartbeat every few
// seconds; a presence older than the TTL is gone. Partners neither send nor see presences.
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { assertTicketVisible, requireStaff } from "./policy.ts";
import { presenceInput } from "./schema.ts";
import type { z } from "zod";

export const PRESENCE_TTL_MS = 15_000;

/** Records the actor on the ticket (viewing or replying) and returns the others present. */
export async function heartbeat(db: Db, actor: Actor, raw: z.input<typeof presenceInput>, now = new Date()) {
  requireStaff(actor);
  const input = presenceInput.parse(raw);
  const ticket = await db.ticket.findUnique({ where: { id: input.ticketId }, select: { bodyId: true } });
  assertTicketVisible(actor, ticket);
  const key = { ticketId: input.ticketId, userId: actor.userId };
  const fresh = new Date(now.getTime() - PRESENCE_TTL_MS);
  const [, others] = await Promise.all([
    db.ticketPresence.upsert({
      where: { ticketId_userId: key },
      create: { ...key, replying: input.replying, seenAt: now },
      update: { replying: input.replying, seenAt: now },
    }),
    db.ticketPresence.findMany({
      where: {
        ticketId: input.ticketId,
        userId: { not: actor.userId },
        seenAt: { gte: fresh, lte: new Date(now.getTime() + PRESENCE_TTL_MS) },
      },
      select: { replying: true, user: { select: { id: true, name: true } } },
      orderBy: { seenAt: "desc" },
    }),
  ]);
  // Old rows of this ticket go (a page closed without a goodbye).
  await db.ticketPresence.deleteMany({
    where: { ticketId: input.ticketId, seenAt: { lt: new Date(now.getTime() - 20 * PRESENCE_TTL_MS) } },
  });
  return others.map((o) => ({ userId: o.user.id, name: o.user.name, replying: o.replying }));
}

/** The page was left: the presence goes at once. */
export async function leaveTicket(db: Db, actor: Actor, raw: { ticketId: string }) {
  requireStaff(actor);
  const input = presenceInput.pick({ ticketId: true }).parse(raw);
  await db.ticketPresence.deleteMany({ where: { ticketId: input.ticketId, userId: actor.userId } });
  return { ok: true };
}
