// Every change to a ticket goes through here: row lock, visibility, the change, its events in the
// conversation, and the SLA recomputed from the stored pauses — one transaction.
import type { Db, DbTx, Prisma, Ticket } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { isStaff } from "../access/index.ts";
import { assertTicketVisible } from "./policy.ts";
import { notifySla } from "./notify.ts";
import { computeSla } from "./sla.ts";

export interface TicketChange {
  data?: Prisma.TicketUncheckedUpdateInput;
  /** Runs after the change and the SLA recompute, in the same transaction (notifications). */
  after?: (tx: DbTx, t: Ticket) => Promise<void>;
  events?: { kind?: "event" | "reply" | "note"; body?: string; data?: Record<string, unknown> }[];
}

export async function pausesOf(tx: DbTx, ticketId: string) {
  const rows = await tx.ticketPause.findMany({ where: { ticketId }, orderBy: { startedAt: "asc" } });
  return rows.map((p) => ({ from: p.startedAt, to: p.endedAt }));
}

export async function mutateTicket(
  db: Db,
  actor: Actor,
  ticketId: string,
  change: (tx: DbTx, t: Ticket, now: Date) => Promise<TicketChange>,
  now = new Date(),
): Promise<Ticket> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Ticket" WHERE "id" = ${ticketId}::uuid FOR UPDATE`;
    const t = await tx.ticket.findUnique({ where: { id: ticketId } });
    assertTicketVisible(actor, t);
    const ticket = t as Ticket;
    const { data = {}, events = [], after } = await change(tx, ticket, now);
    const updated = await tx.ticket.update({ where: { id: ticketId }, data });
    for (const e of events) {
      await tx.ticketMessage.create({
        data: {
          ticketId,
          kind: e.kind ?? "event",
          authorId: actor.userId || null,
          authorLabel: actor.name,
          fromStaff: isStaff(actor),
          body: e.body ?? "",
          data: (e.data ?? undefined) as Prisma.InputJsonValue | undefined,
          createdAt: now,
        },
      });
    }
    const final = await tx.ticket.update({
      where: { id: ticketId },
      data: computeSla(updated, await pausesOf(tx, ticketId), now),
    });
    await notifySla(tx, ticket, final);
    if (after) await after(tx, final);
    return final;
  });
}

/** Opens or closes the pause of the SLA clock as a status enters or leaves "waiting on partner". */
export async function syncPause(
  tx: DbTx,
  ticketId: string,
  from: string,
  to: string,
  now: Date,
): Promise<void> {
  if (to === "waiting_partner" && from !== "waiting_partner") {
    await tx.ticketPause.create({ data: { ticketId, startedAt: now } });
  } else if (from === "waiting_partner" && to !== "waiting_partner") {
    await tx.ticketPause.updateMany({ where: { ticketId, endedAt: null }, data: { endedAt: now } });
  }
}
