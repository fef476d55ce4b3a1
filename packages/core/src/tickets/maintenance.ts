// What time does to tickets: SLA states crossing their warning or deadline, automatic closure.
import type { Db } from "@mutuo/db";
import { OPEN_STATUSES } from "./rules.ts";
import { computeSla } from "./sla.ts";
import { pausesOf } from "./mutate.ts";
import { notifySla } from "./notify.ts";

/** Recomputes the SLA of open tickets whose warning or deadline has passed since the last run. */
export async function refreshSlaStates(db: Db, now: Date, batch = 500): Promise<number> {
  let changed = 0;
  for (;;) {
    const due = await db.ticket.findMany({
      where: {
        status: { in: OPEN_STATUSES },
        OR: [
          { interventionState: "ok", interventionWarnAt: { lte: now } },
          { interventionState: { in: ["ok", "warning"] }, interventionDueAt: { lte: now } },
          { resolutionState: "ok", resolutionWarnAt: { lte: now } },
          { resolutionState: { in: ["ok", "warning"] }, resolutionDueAt: { lte: now } },
        ],
      },
      select: { id: true },
      take: batch,
    });
    if (due.length === 0) return changed;
    for (const { id } of due) {
      await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "Ticket" WHERE "id" = ${id}::uuid FOR UPDATE`;
        const t = await tx.ticket.findUniqueOrThrow({ where: { id } });
        const final = await tx.ticket.update({
          where: { id },
          data: computeSla(t, await pausesOf(tx, id), now),
        });
        await notifySla(tx, t, final);
      });
      changed++;
    }
    if (due.length < batch) return changed;
  }
}

export async function autoCloseResolved(db: Db, now: Date, days: number): Promise<number> {
  const limit = new Date(now.getTime() - days * 86_400_000);
  const tickets = await db.ticket.findMany({
    where: { status: "resolved", resolvedAt: { lte: limit } },
    select: { id: true },
  });
  for (const { id } of tickets) {
    await db.$transaction(async (tx) => {
      const res = await tx.ticket.updateMany({
        where: { id, status: "resolved", resolvedAt: { lte: limit } },
        data: { status: "closed", closedAt: now },
      });
      if (res.count === 1)
        await tx.ticketMessage.create({
          data: {
            ticketId: id,
            kind: "event",
            authorLabel: "Mutuo",
            fromStaff: true,
            data: { status: ["resolved", "closed"], automatic: days },
            createdAt: now,
          },
        });
    });
  }
  return tickets.length;
}
