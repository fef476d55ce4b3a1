// The tickets behind an SLA report's breaches (the raw tickets: drill-down and background exports
// only), read by keyset on (receivedAt, id), newest first.
import { Prisma, type Db } from "@mutuo/db";
import { interventionBreached, resolutionBreached } from "./rollup.ts";
import type { Period } from "./rules.ts";
import { CHANNEL_LABEL, PRIORITY_LABEL } from "./sla-report.ts";

export interface Breach {
  id: string;
  number: string;
  subject: string;
  body: string;
  service: string;
  priority: string;
  channel: string;
  receivedAt: Date;
  targets: string;
  interventionDueAt: Date | null;
  interventionAchievedAt: Date | null;
  resolutionDueAt: Date | null;
  resolvedAt: Date | null;
  reason: string | null;
  technician: string | null;
}

export interface BreachQuery {
  period: Period;
  filters: Record<string, string | undefined>;
  bodies: "all" | string[];
  now: Date;
}

/** The WHERE of the breached tickets of a period, its bodies and the report's filters. */
function breachWhere(q: BreachQuery): Prisma.Sql[] {
  const f = q.filters;
  const where: Prisma.Sql[] = [
    Prisma.sql`t."receivedAt" >= ${q.period.start} AND t."receivedAt" < ${q.period.end}`,
    Prisma.sql`(${interventionBreached(q.now)} OR ${resolutionBreached(q.now)})`,
  ];
  if (q.bodies !== "all") where.push(Prisma.sql`t."bodyId" = ANY(${q.bodies}::uuid[])`);
  if (f.service) where.push(Prisma.sql`t."serviceId" = ${f.service}::uuid`);
  if (f.priority) where.push(Prisma.sql`t."priority" = ${f.priority}::"Priority"`);
  if (f.channel) where.push(Prisma.sql`t."channel" = ${f.channel}::"Channel"`);
  if (f.technician)
    where.push(
      f.technician === "00000000-0000-0000-0000-000000000000"
        ? Prisma.sql`t."assigneeId" IS NULL`
        : Prisma.sql`t."assigneeId" = ${f.technician}::uuid`,
    );
  return where;
}

/** How many tickets are breached (the total of a background export's progress). */
export async function countBreaches(db: Db, q: BreachQuery): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM "Ticket" t WHERE ${Prisma.join(breachWhere(q), " AND ")}`;
  return row?.n ?? 0;
}

/** Up to `limit` breached tickets after the keyset `after` (exclusive), newest first. */
export async function readBreaches(
  db: Db,
  q: BreachQuery,
  after: { receivedAt: Date; id: string } | null,
  limit: number,
): Promise<Breach[]> {
  const where = breachWhere(q);
  if (after) where.push(Prisma.sql`(t."receivedAt", t."id") < (${after.receivedAt}, ${after.id}::uuid)`);
  const rows = await db.$queryRaw<(Omit<Breach, "targets"> & { iB: boolean; rB: boolean })[]>`
    SELECT t."id", t."number", t."subject", b."legalName" AS "body", s."name" AS "service", t."priority"::text,
      t."channel"::text, t."receivedAt", t."interventionDueAt",
      COALESCE(t."interventionAt", t."resolvedAt") AS "interventionAchievedAt", t."resolutionDueAt", t."resolvedAt",
      t."diagnosis" AS "reason", u."name" AS "technician",
      ${interventionBreached(q.now)} AS "iB", ${resolutionBreached(q.now)} AS "rB"
    FROM "Ticket" t JOIN "Body" b ON b."id" = t."bodyId" JOIN "Service" s ON s."id" = t."serviceId"
    LEFT JOIN "User" u ON u."id" = t."assigneeId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY t."receivedAt" DESC, t."id" DESC LIMIT ${limit}`;
  return rows.map(({ iB, rB, ...r }) => ({
    ...r,
    priority: PRIORITY_LABEL[r.priority] ?? r.priority,
    channel: CHANNEL_LABEL[r.channel] ?? r.channel,
    targets: [iB ? "Intervention" : null, rB ? "Résolution" : null].filter(Boolean).join(", "),
  }));
}
