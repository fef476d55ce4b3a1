// Billing writes: grids, plans, budget codes, invoicing references, time entries, and the
// statement lifecycle (issue → payments → credit notes). An issued statement is never edited.
import type { Db, DbTx, Prisma } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import type { Actor } from "../access/index.ts";
import { assertBodyVisible } from "../access/index.ts";
import { conflict, invalid, notFound } from "../errors/index.ts";
import { nextCounter } from "../shared/counter.ts";
import { dateOnly, fromDateOnly } from "../shared/dates.ts";
import type { BillableActivityReader } from "../shared/billable.ts";
import { computeStatement, type StatementSnapshot } from "./compute.ts";
import { requireBillingManager, requireTimeLogger } from "./policy.ts";
import { overlappingGrids } from "./rules.ts";
import {
  budgetCodeInput,
  creditNoteInput,
  gridInput,
  invoicingInput,
  paymentInput,
  periodInput,
  planInput,
  timeEntryInput,
  updateGridInput,
  updatePlanInput,
  waiverInput,
} from "./schema.ts";
import type { z } from "zod";

const json = (v: unknown) => v as Prisma.InputJsonValue;

async function saveGrid(db: Db, actor: Actor, id: string | null, raw: unknown) {
  requireBillingManager(actor);
  const g = gridInput.parse(raw);
  return db.$transaction(async (tx) => {
    if (!(await tx.service.findUnique({ where: { id: g.serviceId }, select: { id: true } })))
      throw invalid("serviceId", "unknown_service");
    if (id && !(await tx.priceGrid.findUnique({ where: { id }, select: { id: true } })))
      throw notFound("grid");
    // Serialise writers of one service's grids, then check overlap (the exclusion constraint backs it).
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
    const data = {
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
    };
    const saved = id
      ? await tx.priceGrid.update({ where: { id }, data })
      : await tx.priceGrid.create({ data });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "PriceGrid",
      entityId: saved.id,
      action: id ? "update" : "create",
      after: { ...g },
    });
    return saved;
  });
}

export const createGrid = (db: Db, actor: Actor, raw: unknown) => saveGrid(db, actor, null, raw);
export function updateGrid(db: Db, actor: Actor, raw: z.input<typeof updateGridInput>) {
  const { id, grid } = updateGridInput.parse(raw);
  return saveGrid(db, actor, id, grid);
}

async function savePlan(db: Db, actor: Actor, id: string | null, raw: unknown) {
  requireBillingManager(actor);
  const p = planInput.parse(raw);
  return db.$transaction(async (tx) => {
    if (id && !(await tx.costSharingPlan.findUnique({ where: { id }, select: { id: true } })))
      throw notFound("plan");
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
export function updatePlan(db: Db, actor: Actor, raw: z.input<typeof updatePlanInput>) {
  const { id, plan } = updatePlanInput.parse(raw);
  return savePlan(db, actor, id, plan);
}

export async function addBudgetCode(db: Db, actor: Actor, raw: z.input<typeof budgetCodeInput>) {
  requireBillingManager(actor);
  const c = budgetCodeInput.parse(raw);
  if (c.serviceId && !(await db.service.findUnique({ where: { id: c.serviceId }, select: { id: true } })))
    throw invalid("serviceId", "unknown_service");
  return db.budgetCode.create({ data: { ...c, serviceId: c.serviceId ?? null } });
}

export async function removeBudgetCode(db: Db, actor: Actor, id: string) {
  requireBillingManager(actor);
  const { count } = await db.budgetCode.deleteMany({ where: { id } });
  if (count === 0) throw notFound("budget code");
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

export async function logTime(db: Db, actor: Actor, raw: z.input<typeof timeEntryInput>) {
  requireTimeLogger(actor);
  const t = timeEntryInput.parse(raw);
  return db.$transaction(async (tx) => {
    const ticket = await tx.ticket.findUnique({
      where: { id: t.ticketId },
      select: { id: true, bodyId: true, serviceId: true },
    });
    if (!ticket) throw notFound("ticket");
    const on = fromDateOnly(t.workedOn);
    const closed = await closedBy(tx, ticket.bodyId, on);
    if (closed) throw invalid("workedOn", "period_closed", { number: closed.number });
    return tx.timeEntry.create({
      data: {
        ticketId: ticket.id,
        bodyId: ticket.bodyId,
        serviceId: ticket.serviceId,
        userId: actor.userId,
        userName: actor.name,
        workedOn: on,
        minutes: t.minutes,
        profile: t.profile,
        billable: t.billable,
        comment: t.comment,
      },
    });
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
