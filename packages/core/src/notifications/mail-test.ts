// « Tester la configuration »: an admin asks the worker (through a pg-boss job) to send a test e-mail
// and read the support mailbox once; the worker writes the outcome where the mailbox page reads it.
// And the state of outgoing mail for the status page (staff).
import { randomUUID } from "node:crypto";
import type { Db, Prisma } from "@mutuo/db";
import { z } from "zod";
import { text } from "../shared/text.ts";
import { DomainError } from "../errors/index.ts";
import { requireRole, STAFF_ROLES, type Actor } from "../access/index.ts";

export const MAIL_TEST_JOB = "notifications.mail-test";
const KEY = "mail.test";

export const mailTestPayload = z.object({
  requestId: z.uuid(),
  to: text().email(),
  name: text(),
  locale: z.enum(["fr", "en"]),
});
export type MailTestPayload = z.infer<typeof mailTestPayload>;

export interface MailTestResult {
  requestId: string;
  to: string;
  requestedAt: string;
  state: "pending" | "done";
  finishedAt?: string;
  /** The test e-mail: sent through SMTP_URL, written to the outbox folder (no relay), or the error. */
  send?: { ok: boolean; via: "smtp" | "folder"; error?: string };
  /** The support mailbox read once: how many messages were processed, or why it could not be. */
  read?: { ok: boolean; configured: boolean; processed?: number; failed?: number; error?: string };
}

/** Queues the test for the worker; `send` hands the job to pg-boss. */
export async function requestMailTest(
  db: Db,
  actor: Actor,
  send: (name: string, data: MailTestPayload) => Promise<void>,
  now = new Date(),
): Promise<MailTestResult> {
  requireRole(actor, "admin");
  const me = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { email: true, name: true, locale: true },
  });
  const payload: MailTestPayload = {
    requestId: randomUUID(),
    to: me.email,
    name: me.name,
    locale: me.locale === "en" ? "en" : "fr",
  };
  const result: MailTestResult = {
    requestId: payload.requestId,
    to: me.email,
    requestedAt: now.toISOString(),
    state: "pending",
  };
  await db.appMeta.upsert({
    where: { key: KEY },
    create: { key: KEY, value: result as unknown as Prisma.InputJsonValue },
    update: { value: result as unknown as Prisma.InputJsonValue },
  });
  try {
    await send(MAIL_TEST_JOB, payload);
  } catch (cause) {
    await db.appMeta.deleteMany({
      where: { key: KEY, value: { path: ["requestId"], equals: payload.requestId } },
    });
    // No queue to send to (the worker never started on this database) or the queue is unreachable:
    // the administrator is told to start the worker, not shown a crash.
    throw new DomainError("CONFLICT", "worker_unavailable", { cause });
  }
  return result;
}

/** The last test and its outcome (null: never run). */
export async function lastMailTest(db: Db, actor: Actor): Promise<MailTestResult | null> {
  requireRole(actor, "admin");
  const row = await db.appMeta.findUnique({ where: { key: KEY } });
  return (row?.value as MailTestResult | undefined) ?? null;
}

/** Records the worker's outcome, unless a newer test was asked for meanwhile. */
export async function recordMailTest(db: Db, result: MailTestResult): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.appMeta.findUnique({ where: { key: KEY } });
    const current = row?.value as MailTestResult | undefined;
    if (current && current.requestId !== result.requestId) return;
    const value = { ...result, requestedAt: current?.requestedAt ?? result.requestedAt };
    await tx.appMeta.upsert({
      where: { key: KEY },
      create: { key: KEY, value: value as unknown as Prisma.InputJsonValue },
      update: { value: value as unknown as Prisma.InputJsonValue },
    });
  });
}

/** Outgoing mail at a glance (status page, staff): what waits, what failed, and the last error. */
export async function outboxHealth(db: Db, actor: Actor) {
  requireRole(actor, ...STAFF_ROLES);
  const [pending, failed, last] = await Promise.all([
    db.outboxMessage.count({ where: { status: "pending" } }),
    db.outboxMessage.count({ where: { status: "failed" } }),
    db.outboxMessage.findFirst({
      where: { lastError: { not: null }, status: { in: ["pending", "failed"] } },
      orderBy: { nextAttemptAt: "desc" },
      select: { lastError: true, toEmail: true, status: true, nextAttemptAt: true },
    }),
  ]);
  return { pending, failed, lastError: last };
}
