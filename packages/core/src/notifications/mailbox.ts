// The built-in mailbox: every e-mail the product sends (or will send), for administrators; failures
// show their error and can be retried.
import type { Db, OutboxStatus, Prisma } from "@mutuo/db";
import { z } from "zod";
import { conflict, notFound } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { requireRole } from "../access/index.ts";
import { newestFirstAfter, newestFirstCursor } from "../shared/cursor.ts";
import { render } from "./outbox.ts";
import { text } from "../shared/text.ts";

export const listOutboxInput = z.object({
  status: z.enum(["pending", "sent", "failed"]).optional(),
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export async function listOutbox(db: Db, actor: Actor, raw: z.input<typeof listOutboxInput>) {
  requireRole(actor, "admin");
  const input = listOutboxInput.parse(raw);
  const where: Prisma.OutboxMessageWhereInput = {
    ...(input.status ? { status: input.status as OutboxStatus } : {}),
    ...newestFirstAfter(input.cursor),
  };
  const rows = await db.outboxMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      template: true,
      toEmail: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      createdAt: true,
      data: true,
      ticketId: true,
    },
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const counts = await db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  return {
    items: items.map(({ data, ...m }) => ({ ...m, number: (data as { number?: string }).number ?? null })),
    nextCursor: rows.length > input.limit && last ? newestFirstCursor(last) : null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>,
  };
}

export async function getOutboxMessage(db: Db, actor: Actor, id: string, baseUrl: string) {
  requireRole(actor, "admin");
  const m = await db.outboxMessage.findUnique({ where: { id } });
  if (!m) throw notFound("message");
  const content = m.subject && m.text ? { subject: m.subject, text: m.text } : render(m, baseUrl);
  return { ...m, ...content };
}

/** Sends a failed message again (from now, with a fresh series of attempts). */
/** A failed message back in the queue, due now, with a fresh count of attempts. */
const requeue = (now: Date) => ({
  status: "pending" as const,
  attempts: 0,
  nextAttemptAt: now,
  leaseUntil: null,
});

export async function retryOutbox(db: Db, actor: Actor, id: string, now = new Date()) {
  requireRole(actor, "admin");
  const res = await db.outboxMessage.updateMany({ where: { id, status: "failed" }, data: requeue(now) });
  if (res.count === 0) throw conflict("not_failed");
}

/** Every failed e-mail back in the queue (after a relay outage or a configuration fix); how many. */
export async function retryAllFailed(db: Db, actor: Actor, now = new Date()): Promise<number> {
  requireRole(actor, "admin");
  const res = await db.outboxMessage.updateMany({ where: { status: "failed" }, data: requeue(now) });
  return res.count;
}
