// Reads of the reports: a report for a period and filters, the breaches behind it (drill-down on the
// tickets), the choices of the filters, the scheduled reports and those sent.
import type { Db } from "@mutuo/db";
import { isStaff, visibleBodyIds, type Actor } from "../access/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import {
  cursorPart,
  decodeCursor,
  encodeCursor,
  newestFirstAfter,
  newestFirstCursor,
} from "../shared/cursor.ts";
import type { ReportData, ReportDefinition } from "./definition.ts";

export type { Breach };
import { assertCanRead, canSubscribe, reportBodies, unknownBody } from "./policy.ts";
import { findReport, REPORTS } from "./registry.ts";
import { readBreaches, type Breach } from "./breaches.ts";
import { customPeriod, periodOf, type Period } from "./rules.ts";
import type { PeriodInput, ReadReportInput } from "./schema.ts";
import { slaFilters } from "./sla-report.ts";

export function toPeriod(p: PeriodInput): Period {
  if (p.kind !== "custom") return periodOf(p.kind, p.month);
  const period = customPeriod(p.from, p.to);
  if (!period) throw invalid("to", "report_period_order");
  if (period.to > `${Number(p.from.slice(0, 4)) + 5}`) throw invalid("to", "report_period_long");
  return period;
}

function reportOf(actor: Actor, id: string): ReportDefinition<never> {
  const report = findReport(id);
  if (!report) throw notFound("report");
  assertCanRead(actor, report);
  return report;
}

/** The report's filters checked by its own schema; a partner agent never filters by technician. */
function parseFilters(actor: Actor, report: ReportDefinition<never>, raw: Record<string, string>) {
  const staffOnly = new Set(report.filterFields.filter((f) => f.staffOnly).map((f) => f.name));
  const clean = Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => v !== "" && (isStaff(actor) || !staffOnly.has(k))),
  );
  const parsed = (report.filters as unknown as typeof slaFilters).safeParse(clean);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(String(issue.path[0] ?? "filters"), "report_unknown");
  }
  return parsed.data as Record<string, string | undefined>;
}

async function assertBodyExists(db: Db, bodyId: string | undefined) {
  if (bodyId && !(await db.body.findUnique({ where: { id: bodyId }, select: { id: true } })))
    throw unknownBody();
}

/** A report as the actor may see it. */
export async function readReport(
  db: Db,
  actor: Actor,
  input: ReadReportInput,
  now: Date,
): Promise<ReportData> {
  const { report, period, filters, bodyIds } = await resolveReport(db, actor, input);
  return report.read(db, actor, { period, filters: filters as never, bodyIds }, now);
}

/** A report request checked for the actor: the report, its period, its filters and the bodies it covers. */
export async function resolveReport(db: Db, actor: Actor, input: ReadReportInput) {
  const report = reportOf(actor, input.reportId);
  const period = toPeriod(input.period);
  const filters = parseFilters(actor, report, input.filters);
  await assertBodyExists(db, filters.body);
  return { report, period, filters, bodyIds: reportBodies(actor, filters.body) };
}

/** The reports the actor may open. */
export function listReports(actor: Actor) {
  return REPORTS.filter((r) => isStaff(actor) || r.agents).map((r) => ({
    id: r.id,
    title: r.title,
    periods: r.periods,
    filterFields: r.filterFields.filter((f) => isStaff(actor) || !f.staffOnly),
  }));
}

/** Choices of the filter fields: visible bodies, services, technicians (staff only). */
export async function reportChoices(db: Db, actor: Actor) {
  const visible = visibleBodyIds(actor);
  const [bodies, services, technicians] = await Promise.all([
    db.body.findMany({
      where: visible === "all" ? { kind: { not: "provider" } } : { id: { in: visible } },
      select: { id: true, legalName: true },
      orderBy: [{ legalName: "asc" }, { id: "asc" }],
    }),
    db.service.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    isStaff(actor)
      ? db.user.findMany({
          where: { role: { in: ["technician", "manager", "admin"] } },
          select: { id: true, name: true },
          orderBy: [{ name: "asc" }, { id: "asc" }],
        })
      : Promise.resolve([]),
  ]);
  return {
    bodies: bodies.map((b) => ({ value: b.id, label: b.legalName })),
    services: services.map((s) => ({ value: s.id, label: s.name })),
    technicians: technicians.map((t) => ({ value: t.id, label: t.name })),
  };
}

const PAGE = 50;

/** The tickets behind the breaches of an SLA report (the raw tickets, for drill-down only). */
export async function listBreaches(
  db: Db,
  actor: Actor,
  input: ReadReportInput & { cursor?: string },
  now: Date,
): Promise<{ items: Breach[]; nextCursor: string | null }> {
  const report = reportOf(actor, input.reportId);
  if (report.id !== "sla") throw notFound("report");
  const period = toPeriod(input.period);
  const f = parseFilters(actor, report, input.filters);
  await assertBodyExists(db, f.body);
  const bodies = reportBodies(actor, f.body);
  const after = input.cursor
    ? decodeCursor(input.cursor, [cursorPart.instant, cursorPart.uuid] as const)
    : null;
  const rows = await readBreaches(
    db,
    { period, filters: f, bodies, now },
    after ? { receivedAt: new Date(after[0]), id: after[1] } : null,
    PAGE + 1,
  );
  const items = rows.slice(0, PAGE);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > PAGE && last ? encodeCursor([last.receivedAt.toISOString(), last.id]) : null,
  };
}

/** Scheduled reports: every one for managers, none for others. */
export async function listSubscriptions(db: Db, actor: Actor) {
  if (!canSubscribe(actor)) return [];
  const subs = await db.reportSubscription.findMany({
    orderBy: [{ builtin: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  const bodyIds = subs.map((s) => s.agentsOfBodyId).filter((x): x is string => Boolean(x));
  const bodies = new Map(
    (await db.body.findMany({ where: { id: { in: bodyIds } }, select: { id: true, legalName: true } })).map(
      (b) => [b.id, b.legalName],
    ),
  );
  return subs.map((s) => ({
    ...s,
    agentsOfBody: s.agentsOfBodyId ? (bodies.get(s.agentsOfBodyId) ?? null) : null,
  }));
}

/** One subscription with its sent runs, newest first: for managers only (others: not found, so an
 * agent learns nothing of what exists). */
export async function readSubscription(db: Db, actor: Actor, id: string) {
  if (!canSubscribe(actor)) throw notFound("subscription");
  const s = await db.reportSubscription.findUnique({
    where: { id },
    include: {
      runs: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 100,
        select: { id: true, periodKey: true, fileName: true, recipients: true, createdAt: true },
      },
    },
  });
  if (!s) throw notFound("subscription");
  const body = s.agentsOfBodyId
    ? await db.body.findUnique({ where: { id: s.agentsOfBodyId }, select: { legalName: true } })
    : null;
  return {
    ...s,
    filters: s.filters as Record<string, string>,
    endsOn: s.endsOn ? s.endsOn.toISOString().slice(0, 10) : null,
    agentsOfBody: body?.legalName ?? null,
  };
}

/** Reports sent: all for staff managers, their bodies' for agents. */
export async function listRuns(db: Db, actor: Actor, input: { cursor?: string }) {
  const visible = visibleBodyIds(actor);
  if (visible === "all" && !canSubscribe(actor)) return { items: [], nextCursor: null };
  const rows = await db.reportRun.findMany({
    where: {
      ...(visible === "all" ? {} : { bodyId: { in: visible } }),
      ...newestFirstAfter(input.cursor),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    select: {
      id: true,
      periodKey: true,
      fileName: true,
      recipients: true,
      createdAt: true,
      subscription: { select: { label: true, reportId: true } },
    },
  });
  const items = rows.slice(0, PAGE).map((r) => ({
    ...r,
    // An agent sees that their body's report was sent, not to whom else.
    recipients: visible === "all" ? r.recipients : [],
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > PAGE && last ? newestFirstCursor(last) : null,
  };
}

/** The file of a sent report, for who may see it (others: not found). */
export async function readRunFile(db: Db, _files: unknown, actor: Actor, id: string) {
  const run = await db.reportRun.findUnique({ where: { id } });
  const visible = visibleBodyIds(actor);
  if (!run) throw notFound("report");
  if (visible === "all" ? !canSubscribe(actor) : !run.bodyId || !visible.includes(run.bodyId))
    throw notFound("report");
  return { name: run.fileName, mimeType: "application/pdf", size: run.pdf.byteLength, bytes: run.pdf };
}
