// What the next retention run will anonymise, for the administrators' page.
import { Prisma, type Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { containsPattern } from "../shared/like.ts";
import { cursorPart, decodeCursor, encodeCursor } from "../shared/cursor.ts";
import { requireRetentionAdmin } from "./policy.ts";
import { MAX_PER_RUN, nextRunAt, retentionCutoff } from "./rules.ts";
import { retentionPreviewInput, type RetentionPreviewInput } from "./schema.ts";
import { readRetentionSettings, type RetentionSettings } from "./settings.ts";

export async function getRetentionSettings(
  db: Db,
  actor: Actor,
  defaultMonths?: number,
): Promise<RetentionSettings> {
  requireRetentionAdmin(actor);
  return readRetentionSettings(db, defaultMonths);
}

export interface RetentionPreviewItem {
  id: string;
  number: string;
  bodyName: string;
  status: "closed" | "cancelled";
  endedAt: Date;
  declarantName: string;
  hasPhone: boolean;
  hasEmail: boolean;
  /** The declarant's own e-mails on this ticket (their sender will be anonymised too). */
  incoming: number;
}

export interface RetentionPreview {
  settings: RetentionSettings;
  runAt: Date;
  cutoff: Date;
  counts: { tickets: number; incoming: number };
  /** How many the next run handles (it stops at its limit; the rest goes to the nights after). */
  nextRunTickets: number;
  items: RetentionPreviewItem[];
  nextCursor: string | null;
}

/** The tickets whose declarant the next nightly run anonymises, oldest first, by keyset pages. */
export async function previewRetention(
  db: Db,
  actor: Actor,
  raw: RetentionPreviewInput,
  now: Date,
  defaultMonths?: number,
): Promise<RetentionPreview> {
  requireRetentionAdmin(actor);
  const input = retentionPreviewInput.parse(raw);
  const settings = await readRetentionSettings(db, defaultMonths);
  const runAt = nextRunAt(now);
  const cutoff = retentionCutoff(runAt, settings.declarantMonths);
  const due = Prisma.sql`t."declarantAnonymisedAt" IS NULL AND t."status" IN ('closed', 'cancelled')
    AND COALESCE(t."closedAt", t."updatedAt") < ${cutoff}`;
  let after = Prisma.empty;
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, [cursorPart.instant, cursorPart.uuid]);
    const endedAt = new Date(at);
    after = Prisma.sql`AND (COALESCE(t."closedAt", t."updatedAt"), t."id") > (${endedAt}, ${id}::uuid)`;
  }
  // A search narrows the list (a person asking when their name goes); the counts stay the run's.
  const q = input.q?.trim();
  const like = q ? containsPattern(q) : null;
  const search = like
    ? Prisma.sql`AND (t."number" ILIKE ${like} OR t."declarantName" ILIKE ${like} OR b."legalName" ILIKE ${like})`
    : Prisma.empty;
  const [rows, [counts]] = await Promise.all([
    db.$queryRaw<(Omit<RetentionPreviewItem, "incoming"> & { incoming: bigint })[]>`
      SELECT t."id", t."number", b."legalName" AS "bodyName", t."status"::text AS "status",
             COALESCE(t."closedAt", t."updatedAt") AS "endedAt", t."declarantName",
             t."declarantPhone" IS NOT NULL AS "hasPhone", t."declarantEmail" IS NOT NULL AS "hasEmail",
             (SELECT count(*) FROM "IncomingMail" m
               WHERE m."ticketId" = t."id" AND m."fromEmail" = lower(t."declarantEmail")) AS "incoming"
      FROM "Ticket" t JOIN "Body" b ON b."id" = t."bodyId"
      WHERE ${due} ${search} ${after}
      ORDER BY COALESCE(t."closedAt", t."updatedAt"), t."id"
      LIMIT ${input.limit + 1}`,
    db.$queryRaw<{ tickets: bigint; incoming: bigint }[]>`
      SELECT count(*) AS "tickets",
             (SELECT count(*) FROM "IncomingMail" m JOIN "Ticket" t ON t."id" = m."ticketId"
               WHERE ${due} AND m."fromEmail" = lower(t."declarantEmail")) AS "incoming"
      FROM "Ticket" t WHERE ${due}`,
  ]);
  const items = rows.slice(0, input.limit).map((r) => ({ ...r, incoming: Number(r.incoming) }));
  const last = items.at(-1);
  const tickets = Number(counts?.tickets ?? 0);
  return {
    settings,
    runAt,
    cutoff,
    counts: { tickets, incoming: Number(counts?.incoming ?? 0) },
    nextRunTickets: Math.min(tickets, MAX_PER_RUN),
    items,
    nextCursor:
      rows.length > input.limit && last ? encodeCursor([last.endedAt.toISOString(), last.id]) : null,
  };
}
