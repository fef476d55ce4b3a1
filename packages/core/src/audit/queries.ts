import type { AuditAction, Db, Prisma } from "@mutuo/db";
import { z } from "zod";
import type { Actor } from "../access/index.ts";
import { requireRole } from "../access/index.ts";
import { cursorPart, decodeCursor, encodeCursor, type Page } from "../shared/cursor.ts";
import { text } from "../shared/text.ts";
import { instantInput } from "../shared/dates.ts";

const select = {
  id: true,
  at: true,
  actorId: true,
  actorLabel: true,
  channel: true,
  entityType: true,
  entityId: true,
  bodyId: true,
  action: true,
  changes: true,
} satisfies Prisma.AuditEventSelect;
export type AuditRow = Omit<Prisma.AuditEventGetPayload<{ select: typeof select }>, "id"> & { id: string };

const toRow = (r: Prisma.AuditEventGetPayload<{ select: typeof select }>): AuditRow => ({
  ...r,
  id: r.id.toString(),
});

/** History of one object. The caller must have checked read access to that object first. */
export async function historyOf(
  db: Db,
  ref: { entityType: string; entityId: string; includeBodyEvents?: boolean },
): Promise<AuditRow[]> {
  // A body's history also shows what happened to its people (events tagged with the body).
  const where: Prisma.AuditEventWhereInput = ref.includeBodyEvents
    ? { OR: [{ entityType: ref.entityType, entityId: ref.entityId }, { bodyId: ref.entityId }] }
    : { entityType: ref.entityType, entityId: ref.entityId };
  const rows = await db.auditEvent.findMany({ where, select, orderBy: { id: "desc" }, take: 200 });
  return rows.map(toRow);
}

export const auditSearchInput = z.object({
  actor: text().trim().max(100).optional(),
  entityType: text().trim().max(40).optional(),
  entityId: text().trim().max(64).optional(),
  action: z.enum(["create", "update", "delete", "anonymise"]).optional(),
  from: instantInput().optional(),
  to: instantInput().optional(),
  cursor: text().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type AuditSearchInput = z.input<typeof auditSearchInput>;

function where(input: z.output<typeof auditSearchInput>): Prisma.AuditEventWhereInput {
  return {
    ...(input.actor ? { actorLabel: { contains: input.actor, mode: "insensitive" } } : {}),
    ...(input.entityType ? { entityType: input.entityType } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    ...(input.action ? { action: input.action as AuditAction } : {}),
    ...(input.from || input.to
      ? { at: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } }
      : {}),
  };
}

/** Admins search the whole trail, newest first, keyset on id. */
export async function searchAudit(db: Db, actor: Actor, raw: AuditSearchInput): Promise<Page<AuditRow>> {
  requireRole(actor, "admin");
  const input = auditSearchInput.parse(raw);
  const w = where(input);
  if (input.cursor) w.id = { lt: BigInt(decodeCursor(input.cursor, [cursorPart.bigintId])[0]) };
  const rows = await db.auditEvent.findMany({
    where: w,
    select,
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit).map(toRow);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null };
}

const csvCell = (v: unknown) => {
  const s = typeof v === "string" ? v : JSON.stringify(v ?? "");
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s; // no formula injection in spreadsheets
  return `"${safe.replace(/"/g, '""')}"`;
};

/** CSV export of a search (up to 50 000 rows), streamed page by page. */
export async function* exportAuditCsv(db: Db, actor: Actor, raw: AuditSearchInput): AsyncGenerator<string> {
  requireRole(actor, "admin");
  yield "date;acteur;canal;objet;identifiant;action;modifications\n";
  let cursor: string | undefined;
  let total = 0;
  do {
    const page = await searchAudit(db, actor, { ...raw, cursor, limit: 500 });
    for (const r of page.items) {
      yield (
        [r.at.toISOString(), r.actorLabel, r.channel, r.entityType, r.entityId, r.action, r.changes]
          .map(csvCell)
          .join(";") + "\n"
      );
    }
    total += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && total < 50_000);
}
