// Anonymising declarants: the nightly retention run, and the shared redaction a person's anonymisation
// also uses. Name, phone and e-mail of the declarant leave the ticket, the declarant's own e-mails on
// it (sender, headers, conversation labels) and the ticket's audit trail; the rest of the ticket stays.
import { Prisma, type AuditChannel, type Db, type DbTx } from "@mutuo/db";
import type { Actor, AnyActor } from "../access/index.ts";
import { isPerson } from "../access/index.ts";
import { recordAudit } from "../audit/index.ts";
import { requireRetentionAdmin } from "./policy.ts";
import { ANONYMISED_DECLARANT, BATCH_SIZE, MAX_PER_RUN, retentionCutoff } from "./rules.ts";
import { retentionSettingsInput, type RetentionSettingsInput } from "./schema.ts";
import { RETENTION_META_KEY, readRetentionSettings } from "./settings.ts";

/** Headers of a received e-mail that name its sender (the others are ours or technical). */
const SENDER_HEADERS = ["from", "reply-to", "sender", "return-path", "cc"];
const DECLARANT_FIELDS = ["declarantName", "declarantPhone", "declarantEmail"];

export const RETENTION_ACTOR: AnyActor = { system: "Mutuo (conservation des données)" };

export interface RedactionResult {
  tickets: number;
  incoming: number;
}

/**
 * Anonymises the declarant of these tickets (those not done yet), in the caller's transaction.
 * Idempotent: a ticket already anonymised is left as it is.
 */
export async function redactDeclarants(
  tx: DbTx,
  ticketIds: string[],
  now: Date,
  actor: AnyActor,
  channel: AuditChannel,
): Promise<RedactionResult> {
  if (ticketIds.length === 0) return { tickets: 0, incoming: 0 };
  const done = await tx.$queryRaw<
    { id: string; bodyId: string; name: string; email: string | null }[]
  >`WITH old AS (
      SELECT "id", "declarantName", "declarantEmail" FROM "Ticket"
      WHERE "id" = ANY(${ticketIds}::uuid[]) AND "declarantAnonymisedAt" IS NULL
      FOR UPDATE
    )
    UPDATE "Ticket" t
    SET "declarantName" = ${ANONYMISED_DECLARANT}, "declarantPhone" = NULL, "declarantEmail" = NULL,
        "declarantAnonymisedAt" = ${now}
    FROM old WHERE t."id" = old."id"
    RETURNING t."id", t."bodyId", old."declarantName" AS "name", lower(old."declarantEmail") AS "email"`;
  if (done.length === 0) return { tickets: 0, incoming: 0 };
  const ids = done.map((d) => d.id);
  const names = done.map((d) => d.name);
  const emails = done.map((d) => d.email);

  // The declarant's own e-mails on these tickets: sender and the headers that name them.
  const incoming = await tx.$executeRaw`
    UPDATE "IncomingMail" m
    SET "fromEmail" = '', "fromName" = '', "headers" = m."headers" - ${SENDER_HEADERS}::text[]
    FROM unnest(${ids}::uuid[], ${emails}::text[]) AS d("id", "email")
    WHERE m."ticketId" = d."id" AND d."email" IS NOT NULL AND m."fromEmail" = d."email"`;
  // Their name in the conversation, where an outside sender is named (no person id).
  await tx.$executeRaw`
    UPDATE "TicketMessage" msg SET "authorLabel" = ${ANONYMISED_DECLARANT}
    FROM unnest(${ids}::uuid[], ${names}::text[], ${emails}::text[]) AS d("id", "name", "email")
    WHERE msg."ticketId" = d."id" AND msg."authorId" IS NULL AND msg."kind" <> 'event'
      AND (msg."authorLabel" = d."name"
        OR (d."email" IS NOT NULL AND strpos(lower(msg."authorLabel"), d."email") > 0))`;
  // E-mails already sent to the declarant about these tickets: no address, no name (the built-in
  // mailbox renders them again from their data); those still to be sent go out as planned.
  await tx.$executeRaw`
    UPDATE "OutboxMessage" o
    SET "toEmail" = '', "subject" = NULL, "text" = NULL, "html" = NULL,
        "data" = o."data" || jsonb_build_object('name', ${ANONYMISED_DECLARANT}::text)
    FROM unnest(${ids}::uuid[], ${emails}::text[]) AS d("id", "email")
    WHERE o."ticketId" = d."id" AND d."email" IS NOT NULL AND lower(o."toEmail") = d."email"
      AND o."status" <> 'pending'`;
  // The ticket's history keeps what changed, not who declared it.
  await tx.$executeRaw`SELECT set_config('mutuo.audit_redaction', 'on', true)`;
  await tx.$executeRaw`
    UPDATE "AuditEvent" SET "changes" = "changes" - ${DECLARANT_FIELDS}::text[]
    WHERE "entityType" = 'Ticket' AND "entityId" = ANY(${ids}::text[])
      AND "changes" ?| ${DECLARANT_FIELDS}::text[]`;
  await tx.$executeRaw`SELECT set_config('mutuo.audit_redaction', 'off', true)`;
  const at = now.toISOString();
  await tx.auditEvent.createMany({
    data: done.map((d) => ({
      actorId: isPerson(actor) ? actor.userId : null,
      actorLabel: isPerson(actor) ? actor.name : actor.system,
      channel,
      entityType: "Ticket",
      entityId: d.id,
      bodyId: d.bodyId,
      action: "anonymise" as const,
      changes: { declarantAnonymisedAt: [null, at] } as Prisma.InputJsonValue,
      at: now,
    })),
  });
  return { tickets: done.length, incoming };
}

/** Every e-mail received from this address (quarantined or not): sender and sender headers removed. */
export async function redactIncomingFrom(tx: DbTx, email: string): Promise<number> {
  return tx.$executeRaw`
    UPDATE "IncomingMail"
    SET "fromEmail" = '', "fromName" = '', "headers" = "headers" - ${SENDER_HEADERS}::text[]
    WHERE "fromEmail" = ${email.toLowerCase()}`;
}

export interface RetentionRun extends RedactionResult {
  cutoff: Date;
  months: number;
  /** True when the run stopped at its limit with tickets left for the next night. */
  more: boolean;
}

/**
 * The nightly run: every ticket that ended (closed or cancelled) more than the retention period ago and
 * whose declarant is not anonymised yet, in batches of `batchSize` (one transaction each), at most
 * `maxTickets` per run. Safe with two workers: each batch takes its tickets with SKIP LOCKED.
 */
export async function anonymiseExpiredDeclarants(
  db: Db,
  opts: { now: Date; defaultMonths?: number; batchSize?: number; maxTickets?: number },
): Promise<RetentionRun> {
  const { declarantMonths: months } = await readRetentionSettings(db, opts.defaultMonths);
  const cutoff = retentionCutoff(opts.now, months);
  const batchSize = opts.batchSize ?? BATCH_SIZE;
  const max = opts.maxTickets ?? MAX_PER_RUN;
  const total: RetentionRun = { tickets: 0, incoming: 0, cutoff, months, more: false };
  while (total.tickets < max) {
    const take = Math.min(batchSize, max - total.tickets);
    const { result, taken } = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Ticket"
        WHERE "declarantAnonymisedAt" IS NULL AND "status" IN ('closed', 'cancelled')
          AND COALESCE("closedAt", "updatedAt") < ${cutoff}
        ORDER BY COALESCE("closedAt", "updatedAt"), "id"
        LIMIT ${take}
        FOR UPDATE SKIP LOCKED`;
      const ids = rows.map((r) => r.id);
      return { taken: ids.length, result: await redactDeclarants(tx, ids, opts.now, RETENTION_ACTOR, "job") };
    });
    total.tickets += result.tickets;
    total.incoming += result.incoming;
    if (taken < take) return total;
  }
  total.more = true;
  return total;
}

/** An administrator sets the retention period (audited). */
export async function updateRetentionSettings(
  db: Db,
  actor: Actor,
  raw: RetentionSettingsInput,
  defaultMonths?: number,
): Promise<void> {
  requireRetentionAdmin(actor);
  const input = retentionSettingsInput.parse(raw);
  await db.$transaction(async (tx) => {
    const before = await readRetentionSettings(tx, defaultMonths);
    await tx.appMeta.upsert({
      where: { key: RETENTION_META_KEY },
      create: { key: RETENTION_META_KEY, value: input },
      update: { value: input },
    });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Setting",
      entityId: RETENTION_META_KEY,
      action: "update",
      before: { declarantMonths: before.declarantMonths },
      after: { declarantMonths: input.declarantMonths },
    });
  });
}
