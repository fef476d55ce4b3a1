// The queue in one SQL statement (joins included): the hot path of the app, kept at the floor of
// what PostgreSQL can do with the (…, receivedAt DESC, id DESC) indexes and row-value keysets. Its
// counts use the same conditions, so a filter is defined once.
import { Prisma, type Db, type Priority } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { visibleBodyIds } from "../access/index.ts";
import { cursorPart, decodeCursor, encodeCursor, type Page } from "../shared/cursor.ts";
import { z } from "zod";
import { OPEN_STATUSES } from "./rules.ts";
import type { listTicketsInput } from "./schema.ts";
import type { TicketListItem } from "./list-item.ts";

type Input = ReturnType<typeof listTicketsInput.parse>;

interface Row {
  id: string;
  number: string;
  subject: string;
  status: TicketListItem["status"];
  priority: Priority;
  channel: TicketListItem["channel"];
  receivedAt: Date;
  slaDueAt: Date | null;
  slaState: TicketListItem["slaState"];
  interventionDueAt: Date | null;
  interventionState: TicketListItem["interventionState"];
  resolutionDueAt: Date | null;
  resolutionState: TicketListItem["resolutionState"];
  interventionAt: Date | null;
  resolvedAt: Date | null;
  bodyId: string;
  bodyName: string;
  serviceId: string;
  serviceName: string;
  assigneeId: string | null;
  assigneeName: string | null;
}

function conditions(actor: Actor, input: Input, now: Date): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  const bodies = visibleBodyIds(actor);
  if (bodies !== "all") c.push(Prisma.sql`t."bodyId" = ANY(${bodies}::uuid[])`);
  const open = Prisma.sql`t."status" = ANY(${OPEN_STATUSES}::"TicketStatus"[])`;
  if (input.view === "mine") c.push(Prisma.sql`t."assigneeId" = ${actor.userId}::uuid`, open);
  if (input.view === "unassigned") c.push(Prisma.sql`t."assigneeId" IS NULL`, open);
  if (input.view === "breaching")
    c.push(
      open,
      Prisma.sql`(t."slaState" IN ('warning', 'breached') OR t."slaDueAt" <= ${new Date(now.getTime() + 4 * 3600_000)})`,
    );
  if (input.status?.length) c.push(Prisma.sql`t."status" = ANY(${input.status}::"TicketStatus"[])`);
  else if (input.open) c.push(open);
  if (input.priority) c.push(Prisma.sql`t."priority" = ${input.priority}::"Priority"`);
  if (input.bodyId) c.push(Prisma.sql`t."bodyId" = ${input.bodyId}::uuid`);
  if (input.serviceId) c.push(Prisma.sql`t."serviceId" = ${input.serviceId}::uuid`);
  if (input.assigneeId) c.push(Prisma.sql`t."assigneeId" = ${input.assigneeId}::uuid`);
  if (input.channel) c.push(Prisma.sql`t."channel" = ${input.channel}::"Channel"`);
  if (input.slaState) c.push(Prisma.sql`t."slaState" = ${input.slaState}::"SlaState"`);
  return c;
}

const whereOf = (c: Prisma.Sql[]) => (c.length ? Prisma.sql`WHERE ${Prisma.join(c, " AND ")}` : Prisma.empty);

/** Open tickets by status, and the counts of the built-in views, in one statement. */
export async function queueCountsSql(db: Db, actor: Actor, base: Input, now: Date) {
  const filter = (view: Input["view"]) => Prisma.join(conditions(actor, { ...base, view }, now), " AND ");
  const [row] = await db.$queryRaw<
    { byStatus: Record<string, number> | null; mine: number; unassigned: number; breaching: number }[]
  >`
    SELECT (SELECT jsonb_object_agg(s."status", s."n") FROM (SELECT t."status", count(*)::int AS "n" FROM "Ticket" t ${whereOf(conditions(actor, { ...base, open: true }, now))} GROUP BY t."status") s) AS "byStatus",
           (SELECT count(*)::int FROM "Ticket" t WHERE ${filter("mine")}) AS "mine",
           (SELECT count(*)::int FROM "Ticket" t WHERE ${filter("unassigned")}) AS "unassigned",
           (SELECT count(*)::int FROM "Ticket" t WHERE ${filter("breaching")}) AS "breaching"`;
  return {
    byStatus: row?.byStatus ?? {},
    views: { mine: row?.mine ?? 0, unassigned: row?.unassigned ?? 0, breaching: row?.breaching ?? 0 },
  };
}

/** How many tickets each of several filters selects, in one statement (one scan for all). */
export async function viewCountsSql(db: Db, actor: Actor, inputs: Input[], now: Date): Promise<number[]> {
  if (inputs.length === 0) return [];
  const counts = inputs.map((input) => {
    const c = conditions(actor, input, now);
    return Prisma.sql`count(*) FILTER (WHERE ${c.length ? Prisma.join(c, " AND ") : Prisma.sql`true`})::int`;
  });
  const [row] = await db.$queryRaw<{ counts: number[] }[]>`
    SELECT ARRAY[${Prisma.join(counts, ", ")}] AS "counts" FROM "Ticket" t`;
  return row?.counts ?? inputs.map(() => 0);
}

/** Where the queue stands: the newest change and the newest creation among visible tickets. */
export interface QueueMark {
  updatedAt: Date | null;
  createdAt: Date | null;
}

/**
 * What changed since a mark, among the tickets the filters select: new tickets, and others
 * changed. Cheap: only rows changed since the mark are read (index on updatedAt).
 */
export async function queueChangesSql(db: Db, actor: Actor, input: Input, since: QueueMark, now: Date) {
  const scope = conditions(actor, { view: "all", sort: "received", limit: 1 }, now);
  const [mark] = await db.$queryRaw<QueueMark[]>`
    SELECT max(t."updatedAt") AS "updatedAt", max(t."createdAt") AS "createdAt" FROM "Ticket" t ${whereOf(scope)}`;
  if (!since.updatedAt || !since.createdAt)
    return { mark: mark ?? { updatedAt: null, createdAt: null }, created: 0, changed: 0 };
  const c = [...conditions(actor, input, now), Prisma.sql`t."updatedAt" > ${since.updatedAt}`];
  const [row] = await db.$queryRaw<{ created: number; changed: number }[]>`
    SELECT count(*) FILTER (WHERE t."createdAt" > ${since.createdAt})::int AS "created",
           count(*) FILTER (WHERE t."createdAt" <= ${since.createdAt})::int AS "changed"
    FROM "Ticket" t ${whereOf(c)}`;
  return { mark: mark ?? since, created: row?.created ?? 0, changed: row?.changed ?? 0 };
}

function keyset(input: Input): { where: Prisma.Sql | null; order: Prisma.Sql } {
  const c = input.cursor;
  if (input.sort === "deadline") {
    const order = Prisma.sql`t."slaDueAt" ASC NULLS LAST, t."id" ASC`;
    if (!c) return { where: null, order };
    const [due, id] = decodeCursor(c, [cursorPart.optionalInstant, cursorPart.uuid]);
    if (due === "") return { where: Prisma.sql`(t."slaDueAt" IS NULL AND t."id" > ${id}::uuid)`, order };
    return {
      where: Prisma.sql`((t."slaDueAt", t."id") > (${new Date(due)}, ${id}::uuid) OR t."slaDueAt" IS NULL)`,
      order,
    };
  }
  if (input.sort === "priority") {
    const order = Prisma.sql`t."priority" ASC, t."receivedAt" DESC, t."id" DESC`;
    if (!c) return { where: null, order };
    const [p, at, id] = decodeCursor(c, [
      z.enum(["critical", "high", "medium", "low"] satisfies Priority[]),
      cursorPart.instant,
      cursorPart.uuid,
    ]);
    return {
      where: Prisma.sql`(t."priority" > ${p}::"Priority" OR (t."priority" = ${p}::"Priority" AND (t."receivedAt", t."id") < (${new Date(at)}, ${id}::uuid)))`,
      order,
    };
  }
  const order = Prisma.sql`t."receivedAt" DESC, t."id" DESC`;
  if (!c) return { where: null, order };
  const [at, id] = decodeCursor(c, [cursorPart.instant, cursorPart.uuid]);
  return { where: Prisma.sql`(t."receivedAt", t."id") < (${new Date(at)}, ${id}::uuid)`, order };
}

export async function queuePage(
  db: Db,
  actor: Actor,
  input: Input,
  now: Date,
): Promise<Page<TicketListItem>> {
  const ks = keyset(input);
  const where = [...conditions(actor, input, now), ...(ks.where ? [ks.where] : [])];
  const rows = await db.$queryRaw<Row[]>`
    SELECT t."id", t."number", t."subject", t."status", t."priority", t."channel", t."receivedAt", t."slaDueAt", t."slaState",
           t."interventionDueAt", t."interventionState", t."resolutionDueAt", t."resolutionState", t."interventionAt", t."resolvedAt",
           b."id" AS "bodyId", b."legalName" AS "bodyName", s."id" AS "serviceId", s."name" AS "serviceName", u."id" AS "assigneeId", u."name" AS "assigneeName"
    FROM "Ticket" t
    JOIN "Body" b ON b."id" = t."bodyId"
    JOIN "Service" s ON s."id" = t."serviceId"
    LEFT JOIN "User" u ON u."id" = t."assigneeId"
    ${whereOf(where)}
    ORDER BY ${ks.order}
    LIMIT ${input.limit + 1}`;
  const items = rows
    .slice(0, input.limit)
    .map(({ bodyId, bodyName, serviceId, serviceName, assigneeId, assigneeName, ...t }) => ({
      ...t,
      body: { id: bodyId, legalName: bodyName },
      service: { id: serviceId, name: serviceName },
      assignee: assigneeId ? { id: assigneeId, name: assigneeName! } : null,
    }));
  const last = items.at(-1);
  let next: string | null = null;
  if (rows.length > input.limit && last) {
    next =
      input.sort === "deadline"
        ? encodeCursor([last.slaDueAt?.toISOString() ?? "", last.id])
        : input.sort === "priority"
          ? encodeCursor([last.priority, last.receivedAt.toISOString(), last.id])
          : encodeCursor([last.receivedAt.toISOString(), last.id]);
  }
  return { items, nextCursor: next };
}
