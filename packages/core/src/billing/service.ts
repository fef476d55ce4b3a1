// Billing writes: grids, plans, budget codes, invoicing references, time entries, and the
// statement lifecycle (issue → payments → credit notes). An issued statement is never edited.
import type { Db, DbTx, Prisma } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import type { Actor } from "../access/index.ts";
import { assertBodyVisible } from "../access/index.ts";
import { conflict, DomainError, invalid, notFound } from "../errors/index.ts";
import { nextCounter } from "../shared/counter.ts";
import { dateOnly, fromDateOnly } from "../shared/dates.ts";
import type { BillableActivityReader } from "../shared/billable.ts";
import { isExclusionViolation } from "../shared/unique.ts";
import { computeStatement, type StatementSnapshot } from "./compute.ts";
import { requireBillingManager, requireTimeLogger } from "./policy.ts";
import { frenchDate, overlappingGrids } from "./rules.ts";
import {
  budgetCodeInput,
  creditNoteInput,
  gridInput,
  invoicingInput,
  paymentInput,
  periodInput,
  planInput,
  timeEntryInput,
  jobTimeEntryInput,
  nextGridInput,
  updateGridInput,
  updatePlanInput,
  waiverInput,
} from "./schema.ts";
import type { z } from "zod";

const json = (v: unknown) => v as Prisma.InputJsonValue;

type GridValues = z.output<typeof gridInput>;

/** Whether an error is the exclusion constraint refusing overlapping versions of a service's grid. */
export function isGridOverlap(e: unknown): boolean {
  return isExclusionViolation(e, "PriceGrid_no_overlap");
}

/** Runs a grid write; the exclusion constraint's refusal (a race the check missed) names the field too. */
async function gridWrite<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isGridOverlap(e)) throw invalid("validFrom", "grid_overlap_any");
    throw e;
  }
}

const gridData = (g: GridValues) => ({
  serviceId: g.serviceId,
  label: g.label,
  validFrom: fromDateOnly(g.validFrom),
  validTo: g.validTo ? fromDateOnly(g.validTo) : null,
  free: g.free,
  subscription: json(g.subscription),
  initialisationCents: g.initialisationCents,
  trainingDayCents: g.trainingDayCents,
  trainingSessionCents: g.trainingSessionCents,
  trainingParticipantCents: g.trainingParticipantCents,
  lateCancellationCents: g.lateCancellationCents,
  migration: json(g.migration),
  hourlyRates: json(g.hourlyRates),
});

/** Serialises writers of one service's grids, then refuses a version overlapping another one. */
async function assertNoOverlap(tx: DbTx, id: string | null, g: GridValues) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`grid:${g.serviceId}`}))`;
  const others = await tx.priceGrid.findMany({
    where: { serviceId: g.serviceId },
    select: { id: true, serviceId: true, validFrom: true, validTo: true, label: true },
  });
  const clash = overlappingGrids(
    others.map((o) => ({
      ...o,
      validFrom: dateOnly(o.validFrom),
      validTo: o.validTo ? dateOnly(o.validTo) : null,
    })),
    { id: id ?? undefined, serviceId: g.serviceId, validFrom: g.validFrom, validTo: g.validTo ?? null },
  );
  if (clash.length > 0) throw invalid("validFrom", "grid_overlap", { label: clash[0]!.label });
}

async function saveGrid(db: Db, actor: Actor, id: string | null, raw: unknown) {
  requireBillingManager(actor);
  const g = gridInput.parse(raw);
  return gridWrite(() =>
    db.$transaction(async (tx) => {
      if (!(await tx.service.findUnique({ where: { id: g.serviceId }, select: { id: true } })))
        throw invalid("serviceId", "unknown_service");
      if (id && !(await tx.priceGrid.findUnique({ where: { id }, select: { id: true } })))
        throw notFound("grid");
      await assertNoOverlap(tx, id, g);
      const saved = id
        ? await tx.priceGrid.update({ where: { id }, data: gridData(g) })
        : await tx.priceGrid.create({ data: gridData(g) });
      await recordAudit(tx, {
        actor,
        channel: "web",
        entityType: "PriceGrid",
        entityId: saved.id,
        action: id ? "update" : "create",
        after: { ...g },
      });
      return saved;
    }),
  );
}

export const createGrid = (db: Db, actor: Actor, raw: unknown) => saveGrid(db, actor, null, raw);
export async function updateGrid(db: Db, actor: Actor, raw: z.input<typeof updateGridInput>) {
  const { id, grid } = updateGridInput.parse(raw);
  return saveGrid(db, actor, id, grid);
}

/**
 * The next version of a grid, made from an existing one (same service): it starts after the version
 * it comes from, which then ends the day before (issued statements keep their frozen lines); it may
 * overlap no other version.
 */
export async function createNextGridVersion(db: Db, actor: Actor, raw: z.input<typeof nextGridInput>) {
  requireBillingManager(actor);
  const { fromId, grid: g } = nextGridInput.parse(raw);
  return gridWrite(() =>
    db.$transaction(async (tx) => {
      const from = await tx.priceGrid.findUnique({ where: { id: fromId } });
      if (!from) throw notFound("grid");
      if (from.serviceId !== g.serviceId) throw invalid("serviceId", "grid_other_service");
      const start = dateOnly(from.validFrom);
      if (g.validFrom <= start) throw invalid("validFrom", "grid_not_after", { date: frenchDate(start) });
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`grid:${g.serviceId}`}))`;
      const dayBefore = new Date(fromDateOnly(g.validFrom).getTime() - 86_400_000);
      const closes = from.validTo === null || from.validTo >= fromDateOnly(g.validFrom);
      if (closes) await tx.priceGrid.update({ where: { id: from.id }, data: { validTo: dayBefore } });
      await assertNoOverlap(tx, null, g);
      const saved = await tx.priceGrid.create({ data: gridData(g) });
      if (closes)
        await recordAudit(tx, {
          actor,
          channel: "web",
          entityType: "PriceGrid",
          entityId: from.id,
          action: "update",
          before: { validTo: from.validTo ? dateOnly(from.validTo) : null },
          after: { validTo: dateOnly(dayBefore) },
        });
      await recordAudit(tx, {
        actor,
        channel: "web",
        entityType: "PriceGrid",
        entityId: saved.id,
        action: "create",
        after: { ...g, previousVersion: from.label },
      });
      return saved;
    }),
  );
}

/** The number of an issued statement billing a share of the plan, if any: the plan is then frozen. */
export async function planIssuedOn(db: Db | DbTx, planId: string): Promise<string | null> {
  const probe = JSON.stringify([{ source: { type: "plan", id: planId } }]);
  const rows = await db.$queryRaw<{ number: string }[]>`
    SELECT "number" FROM "Statement"
    WHERE "status" = 'issued' AND "snapshot" -> 'lines' @> ${probe}::jsonb
    ORDER BY "number" LIMIT 1`;
  return rows[0]?.number ?? null;
}

async function savePlan(db: Db, actor: Actor, id: string | null, raw: unknown) {
  requireBillingManager(actor);
  const p = planInput.parse(raw);
  return db.$transaction(async (tx) => {
    if (id && !(await tx.costSharingPlan.findUnique({ where: { id }, select: { id: true } })))
      throw notFound("plan");
    if (id) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${id}`}))`;
      const issued = await planIssuedOn(tx, id);
      if (issued) throw new DomainError("CONFLICT", "plan_frozen", { params: { number: issued } });
    }
    const ids = [...new Set(p.memberIds)];
    const bodies = await tx.body.count({ where: { id: { in: ids }, kind: { not: "provider" } } });
    if (bodies !== ids.length) throw invalid("memberIds", "unknown_body");
    if (p.serviceId && !(await tx.service.findUnique({ where: { id: p.serviceId }, select: { id: true } })))
      throw invalid("serviceId", "unknown_service");
    const data = {
      name: p.name,
      serviceId: p.serviceId ?? null,
      deliberationRef: p.deliberationRef,
      globalCostCents: p.globalCostCents,
      periodFrom: fromDateOnly(p.periodFrom),
      periodTo: fromDateOnly(p.periodTo),
      populationYear: p.populationYear,
      groupWeights: p.groupWeights ? json(p.groupWeights) : undefined,
      providerRates: json(p.providerRates),
    };
    const plan = id
      ? await tx.costSharingPlan.update({ where: { id }, data })
      : await tx.costSharingPlan.create({ data });
    await tx.costSharingMember.deleteMany({ where: { planId: plan.id } });
    await tx.costSharingMember.createMany({ data: ids.map((bodyId) => ({ planId: plan.id, bodyId })) });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "CostSharingPlan",
      entityId: plan.id,
      action: id ? "update" : "create",
      after: { ...p },
    });
    return plan;
  });
}

export const createPlan = (db: Db, actor: Actor, raw: unknown) => savePlan(db, actor, null, raw);
export async function updatePlan(db: Db, actor: Actor, raw: z.input<typeof updatePlanInput>) {
  const { id, plan } = updatePlanInput.parse(raw);
  return savePlan(db, actor, id, plan);
}

/**
 * A budget coding rule (chapter / article / function) for a service (or any), kind of line and kind of
 * body, from a year. Changing a coding is adding a row valid from a later year: earlier years keep theirs.
 */
export async function addBudgetCode(db: Db, actor: Actor, raw: z.input<typeof budgetCodeInput>) {
  requireBillingManager(actor);
  const c = budgetCodeInput.parse(raw);
  return db.$transaction(async (tx) => {
    if (c.serviceId && !(await tx.service.findUnique({ where: { id: c.serviceId }, select: { id: true } })))
      throw invalid("serviceId", "unknown_service");
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('budget-codes'))`;
    const same = await tx.budgetCode.findFirst({
      where: {
        serviceId: c.serviceId ?? null,
        lineKind: c.lineKind,
        bodyKind: c.bodyKind,
        fromYear: c.fromYear,
      },
      select: { chapter: true, article: true, function: true },
    });
    if (same)
      throw invalid("fromYear", "budget_code_exists", {
        coding: `${same.chapter} / ${same.article} / ${same.function}`,
      });
    const saved = await tx.budgetCode.create({ data: { ...c, serviceId: c.serviceId ?? null } });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "BudgetCode",
      entityId: saved.id,
      action: "create",
      after: { ...c },
    });
    return saved;
  });
}

export async function removeBudgetCode(db: Db, actor: Actor, id: string) {
  requireBillingManager(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.budgetCode.findUnique({ where: { id } });
    if (!before) throw notFound("budget code");
    await tx.budgetCode.delete({ where: { id } });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "BudgetCode",
      entityId: id,
      action: "delete",
      before: { ...before },
    });
    return { id };
  });
}

export async function setInvoicing(db: Db, actor: Actor, raw: z.input<typeof invoicingInput>) {
  requireBillingManager(actor);
  const i = invoicingInput.parse(raw);
  const body = await db.body.findUnique({ where: { id: i.bodyId }, select: { kind: true } });
  if (!body || body.kind === "provider") throw notFound("body");
  return db.body.update({
    where: { id: i.bodyId },
    data: {
      invoicingRequirement: i.invoicingRequirement,
      invoicingServiceCode: i.invoicingServiceCode || null,
      commitmentNumber: i.commitmentNumber || null,
    },
    select: { id: true, invoicingRequirement: true, invoicingServiceCode: true, commitmentNumber: true },
  });
}

export async function setInitialisationWaiver(db: Db, actor: Actor, raw: z.input<typeof waiverInput>) {
  requireBillingManager(actor);
  const w = waiverInput.parse(raw);
  const { count } = await db.convention.updateMany({
    where: { id: w.conventionId },
    data: { initialisationWaived: w.waived },
  });
  if (count === 0) throw notFound("convention");
  return { conventionId: w.conventionId, waived: w.waived };
}

/** An issued statement covering a body's date, if any: time may no longer be logged there. */
async function closedBy(tx: DbTx | Db, bodyId: string, on: Date) {
  return tx.statement.findFirst({
    where: { bodyId, status: "issued", periodFrom: { lte: on }, periodTo: { gte: on } },
    select: { number: true },
  });
}

type TimeValues = Omit<z.output<typeof timeEntryInput>, "ticketId">;

async function saveTime(
  tx: DbTx,
  actor: Actor,
  subject: { ticketId: string } | { migrationJobId: string },
  owner: { bodyId: string; serviceId: string },
  t: TimeValues,
) {
  const on = fromDateOnly(t.workedOn);
  const closed = await closedBy(tx, owner.bodyId, on);
  if (closed) throw invalid("workedOn", "period_closed", { number: closed.number });
  return tx.timeEntry.create({
    data: {
      ...subject,
      bodyId: owner.bodyId,
      serviceId: owner.serviceId,
      userId: actor.userId,
      userName: actor.name,
      workedOn: on,
      minutes: t.minutes,
      profile: t.profile,
      billable: t.billable,
      comment: t.comment,
    },
  });
}

export async function logTime(db: Db, actor: Actor, raw: z.input<typeof timeEntryInput>) {
  requireTimeLogger(actor);
  const { ticketId, ...t } = timeEntryInput.parse(raw);
  return db.$transaction(async (tx) => {
    const ticket = await tx.ticket.findUnique({
      where: { id: ticketId },
      select: { id: true, bodyId: true, serviceId: true },
    });
    if (!ticket) throw notFound("ticket");
    return saveTime(tx, actor, { ticketId: ticket.id }, ticket, t);
  });
}

/** Time spent on a data-migration job: billable time is a specific adaptation for the job's body. */
export async function logJobTime(db: Db, actor: Actor, raw: z.input<typeof jobTimeEntryInput>) {
  requireTimeLogger(actor);
  const { migrationJobId, ...t } = jobTimeEntryInput.parse(raw);
  return db.$transaction(async (tx) => {
    const job = await tx.migrationJob.findUnique({
      where: { id: migrationJobId },
      select: { id: true, bodyId: true, serviceId: true },
    });
    if (!job) throw notFound("migration");
    return saveTime(tx, actor, { migrationJobId: job.id }, job, t);
  });
}

export async function removeTimeEntry(db: Db, actor: Actor, id: string) {
  requireTimeLogger(actor);
  return db.$transaction(async (tx) => {
    const e = await tx.timeEntry.findUnique({ where: { id } });
    if (!e) throw notFound("time entry");
    const closed = await closedBy(tx, e.bodyId, e.workedOn);
    if (closed) throw invalid("workedOn", "period_closed", { number: closed.number });
    await tx.timeEntry.delete({ where: { id } });
    return { id };
  });
}

function missingReferences(s: StatementSnapshot): string | null {
  const r = s.body.invoicingRequirement;
  if ((r === "service_code" || r === "both") && !s.body.invoicingServiceCode) return "invoicingServiceCode";
  if ((r === "commitment" || r === "both") && !s.body.commitmentNumber) return "commitmentNumber";
  return null;
}

/** Freezes a body's statement for a period under the next number of the year. */
export async function issueStatement(
  db: Db,
  actor: Actor,
  raw: z.input<typeof periodInput>,
  readers: BillableActivityReader[],
  now: Date,
) {
  requireBillingManager(actor);
  const p = periodInput.parse(raw);
  const snapshot = await computeStatement(db, p.bodyId, { from: p.from, to: p.to }, readers);
  const missing = missingReferences(snapshot);
  if (missing)
    throw invalid(missing, "invoicing_reference_missing", {
      field: missing === "commitmentNumber" ? "numéro d'engagement" : "code service",
    });
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`statement:${p.bodyId}`}))`;
    const overlap = await tx.statement.findFirst({
      where: {
        bodyId: p.bodyId,
        status: "issued",
        periodFrom: { lte: fromDateOnly(p.to) },
        periodTo: { gte: fromDateOnly(p.from) },
      },
      select: { number: true },
    });
    if (overlap) throw invalid("from", "statement_overlap", { number: overlap.number });
    if (snapshot.lines.length === 0) throw invalid("bodyId", "statement_empty");
    const year = Number(
      new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric" }).format(now),
    );
    const n = await nextCounter(tx, `statement:${year}`);
    const s = await tx.statement.create({
      data: {
        number: `REL-${year}-${String(n).padStart(4, "0")}`,
        bodyId: p.bodyId,
        periodFrom: fromDateOnly(p.from),
        periodTo: fromDateOnly(p.to),
        totalCents: snapshot.totals.amountCents,
        providerCents: snapshot.totals.providerCents,
        snapshot: json(snapshot),
        issuedAt: now,
        issuedById: actor.userId || null,
      },
    });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Statement",
      entityId: s.id,
      action: "create",
      after: { number: s.number, bodyId: s.bodyId, totalCents: s.totalCents },
    });
    return { id: s.id, number: s.number, totalCents: s.totalCents };
  });
}

export async function recordPayment(db: Db, actor: Actor, raw: z.input<typeof paymentInput>) {
  requireBillingManager(actor);
  const p = paymentInput.parse(raw);
  const s = await db.statement.findUnique({
    where: { id: p.statementId },
    select: { id: true, status: true },
  });
  if (!s) throw notFound("statement");
  if (s.status !== "issued") throw conflict("statement_cancelled", "statementId");
  return db.statementPayment.create({
    data: {
      statementId: s.id,
      amountCents: p.amountCents,
      paidOn: fromDateOnly(p.paidOn),
      reference: p.reference,
    },
  });
}

export async function issueCreditNote(db: Db, actor: Actor, raw: z.input<typeof creditNoteInput>, now: Date) {
  requireBillingManager(actor);
  const c = creditNoteInput.parse(raw);
  return db.$transaction(async (tx) => {
    const s = await tx.statement.findUnique({
      where: { id: c.statementId },
      select: {
        id: true,
        bodyId: true,
        totalCents: true,
        snapshot: true,
        creditNotes: { select: { amountCents: true } },
      },
    });
    if (!s) throw notFound("statement");
    assertBodyVisible(actor, s.bodyId, "statement");
    const lines = (s.snapshot as unknown as StatementSnapshot).lines;
    if (c.lineIndex !== null && c.lineIndex !== undefined) {
      const line = lines[c.lineIndex];
      if (!line) throw invalid("lineIndex", "unknown_line");
      if (c.amountCents > line.amountCents) throw invalid("amountCents", "credit_exceeds_line");
    }
    const credited = s.creditNotes.reduce((a, n) => a + n.amountCents, 0);
    if (credited + c.amountCents > s.totalCents) throw invalid("amountCents", "credit_exceeds_statement");
    const year = Number(
      new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric" }).format(now),
    );
    const n = await nextCounter(tx, `credit:${year}`);
    const note = await tx.creditNote.create({
      data: {
        number: `AV-${year}-${String(n).padStart(4, "0")}`,
        statementId: s.id,
        lineIndex: c.lineIndex ?? null,
        amountCents: c.amountCents,
        reason: c.reason,
        issuedAt: now,
        issuedById: actor.userId || null,
      },
    });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Statement",
      entityId: s.id,
      action: "update",
      after: { creditNote: note.number, amountCents: note.amountCents, reason: note.reason },
    });
    return note;
  });
}
