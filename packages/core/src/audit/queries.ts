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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What each entry is about, in words (a ticket's number and subject, a person's name, a body's
 * name…), read in one query per kind of object on the page, so the journal can link to it.
 */
async function entityLabels(db: Db, rows: AuditRow[]): Promise<Map<string, string>> {
  const ids = (type: string) => [
    ...new Set(rows.filter((r) => r.entityType === type && UUID.test(r.entityId)).map((r) => r.entityId)),
  ];
  const none = Promise.resolve([] as { id: string; label: string }[]);
  const pick = <T extends { id: string }>(
    type: string,
    read: (ids: string[]) => Promise<T[]>,
    label: (x: T) => string,
  ) => {
    const wanted = ids(type);
    return wanted.length
      ? read(wanted).then((xs) => xs.map((x) => ({ id: `${type}:${x.id}`, label: label(x) })))
      : none;
  };
  const found = await Promise.all([
    pick(
      "Ticket",
      (i) =>
        db.ticket.findMany({ where: { id: { in: i } }, select: { id: true, number: true, subject: true } }),
      (x) => `${x.number} · ${x.subject}`,
    ),
    pick(
      "User",
      (i) => db.user.findMany({ where: { id: { in: i } }, select: { id: true, name: true } }),
      (x) => x.name,
    ),
    pick(
      "Body",
      (i) => db.body.findMany({ where: { id: { in: i } }, select: { id: true, legalName: true } }),
      (x) => x.legalName,
    ),
    pick(
      "Convention",
      (i) => db.convention.findMany({ where: { id: { in: i } }, select: { id: true, number: true } }),
      (x) => x.number,
    ),
    pick(
      "BusinessCalendar",
      (i) => db.businessCalendar.findMany({ where: { id: { in: i } }, select: { id: true, name: true } }),
      (x) => x.name,
    ),
    pick(
      "Service",
      (i) => db.service.findMany({ where: { id: { in: i } }, select: { id: true, name: true } }),
      (x) => x.name,
    ),
  ]);
  return new Map(found.flat().map((x) => [x.id, x.label]));
}

export type AuditSearchRow = AuditRow & { entityLabel: string | null };

/** Admins search the whole trail, newest first, keyset on id. */
export async function searchAudit(
  db: Db,
  actor: Actor,
  raw: AuditSearchInput,
): Promise<Page<AuditSearchRow>> {
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
  const found = rows.slice(0, input.limit).map(toRow);
  const labels = await entityLabels(db, found);
  const items = found.map((r) => ({
    ...r,
    entityLabel: labels.get(`${r.entityType}:${r.entityId}`) ?? null,
  }));
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
