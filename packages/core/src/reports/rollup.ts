// The SLA read model. Why a table the worker maintains rather than a materialised view: the working
// time to intervention and to resolution is computed by the SLA engine (calendar snapshot, holidays,
// pauses) in TypeScript, which SQL cannot call, and a materialised view is refreshed whole (a year of
// 1M tickets every minute). The worker instead takes the tickets updated since its watermark (and the
// open ones whose deadline passed since its last run: pending becomes breached), computes their
// working times, and rebuilds only the months they were received in. A pg advisory lock keeps two
// workers from rebuilding at once; every step is idempotent (a crash just redoes the month).
import { Prisma, type Db, type DbTx } from "@mutuo/db";
import { calendarFor } from "../tickets/index.ts";
import { elapsedWorkingTime, type Pause } from "../sla/index.ts";
import { monthOfInstant, periodOf } from "./rules.ts";

const LOCK = 7_190_019; // pg advisory lock key of the rollup refresh
const BATCH = 2000;
/** Transactions committed late may carry an updatedAt just before the watermark: look back a little. */
const OVERLAP_MS = 5 * 60_000;
export const NO_TECHNICIAN = "00000000-0000-0000-0000-000000000000";

interface Changed {
  id: string;
  receivedAt: Date;
  updatedAt: Date;
  slaCalendar: unknown;
  interventionBasis: "business" | "clock" | null;
  resolutionBasis: "business" | "clock" | null;
  interventionAt: Date | null;
  resolvedAt: Date | null;
  computedFor: Date | null;
}

/** Working minutes from reception to `achievedAt`, pauses before it excluded. */
function workingMinutes(
  t: Changed,
  basis: Changed["interventionBasis"],
  achievedAt: Date | null,
  pauses: Pause[],
) {
  if (!achievedAt) return null;
  const before = pauses
    .filter((p) => p.from < achievedAt)
    .map((p) => ({ from: p.from, to: p.to && p.to < achievedAt ? p.to : achievedAt }));
  const ms = elapsedWorkingTime(calendarFor(basis, t.slaCalendar), t.receivedAt, before, achievedAt);
  return Math.round(ms / 60_000);
}

/** Brings the rollup up to date. Returns the months rebuilt ("YYYY-MM"), or null if another worker holds the lock. */
export async function refreshRollup(db: Db, now: Date): Promise<string[] | null> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${LOCK}) AS locked`;
      if (!lock?.locked) return null;
      const state = await tx.reportRollupState.findUnique({ where: { id: 1 } });
      const since = state ? new Date(state.watermark.getTime() - OVERLAP_MS) : new Date(0);
      const lastRun = state?.refreshedAt ?? new Date(0);
      const months = new Set<string>();
      let watermark = state?.watermark ?? new Date(0);
      let after: { at: Date; id: string } | null = null;
      for (;;) {
        const cursor: Prisma.Sql = after
          ? Prisma.sql`AND (t."updatedAt", t."id") > (${after.at}, ${after.id}::uuid)`
          : Prisma.empty;
        const rows = await tx.$queryRaw<Changed[]>`
          SELECT t."id", t."receivedAt", t."updatedAt", t."slaCalendar", t."interventionBasis", t."resolutionBasis",
                 t."interventionAt", t."resolvedAt", r."computedFor"
          FROM "Ticket" t LEFT JOIN "ReportTicketTime" r ON r."ticketId" = t."id"
          WHERE t."updatedAt" > ${since} ${cursor}
          ORDER BY t."updatedAt", t."id" LIMIT ${BATCH}`;
        if (rows.length === 0) break;
        after = { at: rows.at(-1)!.updatedAt, id: rows.at(-1)!.id };
        if (after.at > watermark) watermark = after.at;
        const todo = rows.filter((r) => r.computedFor?.getTime() !== r.updatedAt.getTime());
        if (todo.length > 0) await computeTimes(tx, todo, months);
        if (rows.length < BATCH) break;
      }
      // Open targets whose deadline passed since the last run: pending → breached.
      const crossed = await tx.$queryRaw<{ month: string }[]>`
        SELECT DISTINCT to_char(t."receivedAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS "month"
        FROM "Ticket" t
        WHERE (t."interventionDueAt" > ${lastRun} AND t."interventionDueAt" <= ${now}
               AND t."interventionAt" IS NULL AND t."resolvedAt" IS NULL)
           OR (t."resolutionDueAt" > ${lastRun} AND t."resolutionDueAt" <= ${now} AND t."resolvedAt" IS NULL)`;
      for (const c of crossed) months.add(c.month);
      for (const m of [...months].sort()) await rebuildMonth(tx, m, now);
      await tx.reportRollupState.upsert({
        where: { id: 1 },
        create: { id: 1, watermark, refreshedAt: now },
        update: { watermark, refreshedAt: now },
      });
      return [...months].sort();
    },
    { timeout: 30 * 60_000, maxWait: 10_000 },
  );
}

async function computeTimes(tx: DbTx, todo: Changed[], months: Set<string>) {
  const pauses = await tx.ticketPause.findMany({
    where: { ticketId: { in: todo.map((t) => t.id) } },
    select: { ticketId: true, startedAt: true, endedAt: true },
    orderBy: { startedAt: "asc" },
  });
  const byTicket = new Map<string, Pause[]>();
  for (const p of pauses) {
    const list = byTicket.get(p.ticketId) ?? [];
    list.push({ from: p.startedAt, to: p.endedAt });
    byTicket.set(p.ticketId, list);
  }
  const ids: string[] = [];
  const inter: (number | null)[] = [];
  const reso: (number | null)[] = [];
  const at: Date[] = [];
  for (const t of todo) {
    const ps = byTicket.get(t.id) ?? [];
    ids.push(t.id);
    inter.push(workingMinutes(t, t.interventionBasis, t.interventionAt ?? t.resolvedAt, ps));
    reso.push(workingMinutes(t, t.resolutionBasis, t.resolvedAt, ps));
    at.push(t.updatedAt);
    months.add(monthOfInstant(t.receivedAt));
  }
  await tx.$executeRaw`
    INSERT INTO "ReportTicketTime" ("ticketId", "interventionMinutes", "resolutionMinutes", "computedFor")
    SELECT * FROM unnest(${ids}::uuid[], ${inter}::int[], ${reso}::int[], ${at}::timestamptz[])
    ON CONFLICT ("ticketId") DO UPDATE SET "interventionMinutes" = excluded."interventionMinutes",
      "resolutionMinutes" = excluded."resolutionMinutes", "computedFor" = excluded."computedFor"`;
}

/** SQL of the outcome of a target, the same in the rollup and in the drill-down (and the tests). */
export const outcome = {
  interventionAchieved: Prisma.sql`COALESCE(t."interventionAt", t."resolvedAt")`,
  met: (achieved: Prisma.Sql, due: Prisma.Sql) =>
    Prisma.sql`(${achieved} IS NOT NULL AND ${due} IS NOT NULL AND ${achieved} <= ${due})`,
  breached: (achieved: Prisma.Sql, due: Prisma.Sql, state: Prisma.Sql, now: Date) =>
    Prisma.sql`((${due} IS NOT NULL AND ((${achieved} IS NOT NULL AND ${achieved} > ${due})
      OR (${achieved} IS NULL AND ${due} < ${now}))) OR (${due} IS NULL AND ${state} = 'breached'))`,
  pending: (achieved: Prisma.Sql, due: Prisma.Sql, state: Prisma.Sql, now: Date) =>
    Prisma.sql`((${achieved} IS NULL AND ${due} IS NOT NULL AND ${due} >= ${now})
      OR (${due} IS NULL AND ${state} = 'paused'))`,
};

export const interventionBreached = (now: Date) =>
  outcome.breached(
    outcome.interventionAchieved,
    Prisma.sql`t."interventionDueAt"`,
    Prisma.sql`t."interventionState"`,
    now,
  );
export const resolutionBreached = (now: Date) =>
  outcome.breached(
    Prisma.sql`t."resolvedAt"`,
    Prisma.sql`t."resolutionDueAt"`,
    Prisma.sql`t."resolutionState"`,
    now,
  );

async function rebuildMonth(tx: DbTx, month: string, now: Date) {
  const { start, end } = periodOf("month", month);
  const day = `${month}-01`;
  const iAch = outcome.interventionAchieved;
  const iDue = Prisma.sql`t."interventionDueAt"`;
  const iState = Prisma.sql`t."interventionState"`;
  const rAch = Prisma.sql`t."resolvedAt"`;
  const rDue = Prisma.sql`t."resolutionDueAt"`;
  const rState = Prisma.sql`t."resolutionState"`;
  await tx.$executeRaw`DELETE FROM "ReportSlaMonth" WHERE "month" = ${day}::date`;
  await tx.$executeRaw`
    INSERT INTO "ReportSlaMonth" ("month", "bodyId", "serviceId", "priority", "channel", "technicianId", "tickets",
      "statusNew", "statusAssigned", "statusInProgress", "statusWaiting", "statusResolved", "statusClosed", "statusCancelled",
      "interventionMet", "interventionBreached", "interventionPending", "resolutionMet", "resolutionBreached", "resolutionPending",
      "interventionMinutes", "resolutionMinutes", "csatAsked", "csatAnswers", "csatSum")
    SELECT ${day}::date, t."bodyId", t."serviceId", t."priority", t."channel",
      COALESCE(t."assigneeId", ${NO_TECHNICIAN}::uuid), count(*)::int,
      count(*) FILTER (WHERE t."status" = 'new')::int,
      count(*) FILTER (WHERE t."status" = 'assigned')::int,
      count(*) FILTER (WHERE t."status" = 'in_progress')::int,
      count(*) FILTER (WHERE t."status" = 'waiting_partner')::int,
      count(*) FILTER (WHERE t."status" = 'resolved')::int,
      count(*) FILTER (WHERE t."status" = 'closed')::int,
      count(*) FILTER (WHERE t."status" = 'cancelled')::int,
      count(*) FILTER (WHERE ${outcome.met(iAch, iDue)})::int,
      count(*) FILTER (WHERE ${outcome.breached(iAch, iDue, iState, now)})::int,
      count(*) FILTER (WHERE ${outcome.pending(iAch, iDue, iState, now)})::int,
      count(*) FILTER (WHERE ${outcome.met(rAch, rDue)})::int,
      count(*) FILTER (WHERE ${outcome.breached(rAch, rDue, rState, now)})::int,
      count(*) FILTER (WHERE ${outcome.pending(rAch, rDue, rState, now)})::int,
      COALESCE(array_agg(r."interventionMinutes" ORDER BY r."interventionMinutes")
        FILTER (WHERE r."interventionMinutes" IS NOT NULL AND t."status" <> 'cancelled'), '{}'),
      COALESCE(array_agg(r."resolutionMinutes" ORDER BY r."resolutionMinutes")
        FILTER (WHERE r."resolutionMinutes" IS NOT NULL AND t."status" <> 'cancelled'), '{}'),
      count(*) FILTER (WHERE t."resolvedAt" IS NOT NULL AND t."status" IN ('resolved', 'closed'))::int,
      count(*) FILTER (WHERE t."csatScore" IS NOT NULL)::int,
      COALESCE(sum(t."csatScore"), 0)::int
    FROM "Ticket" t LEFT JOIN "ReportTicketTime" r ON r."ticketId" = t."id"
    WHERE t."receivedAt" >= ${start} AND t."receivedAt" < ${end}
    GROUP BY 2, 3, 4, 5, 6`;
}
