// Billing reads: grids, plans with their shares, drafts (staff), issued statements (agents: their
// own bodies'), the manager's year view, time entries of a ticket.
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { bodyScope, requireRole } from "../access/index.ts";
import { notFound } from "../errors/index.ts";
import { dateOnly } from "../shared/dates.ts";
import type { BillableActivityReader } from "../shared/billable.ts";
import { computeStatement, gridFromRow, pricingPopulation, type StatementSnapshot } from "./compute.ts";
import { assertStatementVisible, requireBillingManager, requireTimeLogger } from "./policy.ts";
import { sharePlan, sharingGroupOf, yearPeriod } from "./rules.ts";
import { jobTimeQuery, listStatementsInput, periodInput, yearInput } from "./schema.ts";
import { planIssuedOn } from "./service.ts";
import type { z } from "zod";

export async function listGrids(db: Db, actor: Actor, q: { serviceId?: string } = {}) {
  requireTimeLogger(actor);
  const rows = await db.priceGrid.findMany({
    where: q.serviceId ? { serviceId: q.serviceId } : {},
    orderBy: [{ serviceId: "asc" }, { validFrom: "desc" }],
  });
  const services = await db.service.findMany({
    select: { id: true, name: true, code: true },
    orderBy: { name: "asc" },
  });
  return {
    services,
    grids: rows.map((r) => ({ ...gridFromRow(r), label: r.label, updatedAt: r.updatedAt })),
  };
}

export async function getGrid(db: Db, actor: Actor, id: string) {
  requireTimeLogger(actor);
  const r = await db.priceGrid.findUnique({ where: { id } });
  if (!r) throw notFound("grid");
  const service = await db.service.findUnique({ where: { id: r.serviceId }, select: { name: true } });
  return { ...gridFromRow(r), label: r.label, serviceName: service?.name ?? "" };
}

async function planShares(
  db: Db,
  plan: { id: string; globalCostCents: number; groupWeights: unknown; providerRates: unknown },
) {
  const members = await db.costSharingMember.findMany({
    where: { planId: plan.id },
    select: { bodyId: true },
  });
  const bodies = await db.body.findMany({
    where: { id: { in: members.map((m) => m.bodyId) } },
    select: {
      id: true,
      legalName: true,
      kind: true,
      population: true,
      populationYear: true,
      commune: { select: { legalName: true, population: true, populationYear: true } },
    },
    orderBy: { legalName: "asc" },
  });
  if (bodies.length === 0) return { bodies: [], shares: null };
  const shares = sharePlan({
    globalCostCents: plan.globalCostCents,
    groupWeights: plan.groupWeights as Record<string, number> | null,
    providerRates: plan.providerRates as Record<string, number>,
    members: bodies.map((b) => ({
      key: b.id,
      group: sharingGroupOf(b.kind),
      population: pricingPopulation(b).population ?? 0,
    })),
  });
  return { bodies, shares };
}

export async function listPlans(db: Db, actor: Actor) {
  requireBillingManager(actor);
  const plans = await db.costSharingPlan.findMany({ orderBy: [{ periodFrom: "desc" }, { name: "asc" }] });
  return Promise.all(
    plans.map(async (p) => {
      const { shares } = await planShares(db, p);
      return {
        id: p.id,
        name: p.name,
        deliberationRef: p.deliberationRef,
        globalCostCents: p.globalCostCents,
        periodFrom: dateOnly(p.periodFrom),
        periodTo: dateOnly(p.periodTo),
        totals: shares?.totals ?? null,
      };
    }),
  );
}

export async function getPlan(db: Db, actor: Actor, id: string) {
  requireBillingManager(actor);
  const p = await db.costSharingPlan.findUnique({ where: { id } });
  if (!p) throw notFound("plan");
  const { bodies, shares } = await planShares(db, p);
  const byId = new Map(shares?.members.map((m) => [m.key, m]) ?? []);
  return {
    id: p.id,
    name: p.name,
    serviceId: p.serviceId,
    deliberationRef: p.deliberationRef,
    globalCostCents: p.globalCostCents,
    periodFrom: dateOnly(p.periodFrom),
    periodTo: dateOnly(p.periodTo),
    populationYear: p.populationYear,
    groupWeights: p.groupWeights as Record<string, number> | null,
    providerRates: p.providerRates as Record<string, number>,
    totals: shares?.totals ?? null,
    /** An issued statement bills a share of it: the plan can no longer be changed. */
    frozenBy: await planIssuedOn(db, p.id),
    groups: shares?.groups ?? {},
    members: bodies.map((b) => ({ bodyId: b.id, legalName: b.legalName, kind: b.kind, ...byId.get(b.id)! })),
  };
}

export async function draftStatement(
  db: Db,
  actor: Actor,
  raw: z.input<typeof periodInput>,
  readers: BillableActivityReader[],
) {
  requireBillingManager(actor);
  const p = periodInput.parse(raw);
  return computeStatement(db, p.bodyId, { from: p.from, to: p.to }, readers);
}

function settle(s: {
  totalCents: number;
  status: string;
  payments: { amountCents: number }[];
  creditNotes: { amountCents: number }[];
}) {
  const paidCents = s.payments.reduce((a, p) => a + p.amountCents, 0);
  const creditedCents = s.creditNotes.reduce((a, c) => a + c.amountCents, 0);
  const dueCents = s.totalCents - creditedCents;
  const outstandingCents = dueCents - paidCents;
  const state =
    s.status === "cancelled"
      ? "cancelled"
      : outstandingCents <= 0
        ? "paid"
        : paidCents > 0
          ? "partly_paid"
          : "issued";
  return { paidCents, creditedCents, dueCents, outstandingCents, state };
}

export async function listStatements(db: Db, actor: Actor, raw: z.input<typeof listStatementsInput> = {}) {
  const q = listStatementsInput.parse(raw);
  const rows = await db.statement.findMany({
    where: {
      AND: [bodyScope(actor), q.bodyId ? { bodyId: q.bodyId } : {}],
      ...(q.year
        ? { periodFrom: { lte: new Date(`${q.year}-12-31`) }, periodTo: { gte: new Date(`${q.year}-01-01`) } }
        : {}),
    },
    include: { payments: { select: { amountCents: true } }, creditNotes: { select: { amountCents: true } } },
    orderBy: [{ issuedAt: "desc" }, { number: "desc" }],
    take: 500,
  });
  return rows.map((s) => ({
    id: s.id,
    number: s.number,
    bodyId: s.bodyId,
    bodyName: (s.snapshot as unknown as StatementSnapshot).body.legalName,
    periodFrom: dateOnly(s.periodFrom),
    periodTo: dateOnly(s.periodTo),
    issuedAt: s.issuedAt,
    totalCents: s.totalCents,
    providerCents: s.providerCents,
    ...settle(s),
  }));
}

export async function getStatement(db: Db, actor: Actor, id: string) {
  const s = await db.statement.findUnique({
    where: { id },
    include: {
      payments: { orderBy: { paidOn: "asc" } },
      creditNotes: { orderBy: { issuedAt: "asc" } },
    },
  });
  assertStatementVisible(actor, s);
  return {
    id: s!.id,
    number: s!.number,
    bodyId: s!.bodyId,
    status: s!.status,
    issuedAt: s!.issuedAt,
    totalCents: s!.totalCents,
    providerCents: s!.providerCents,
    snapshot: s!.snapshot as unknown as StatementSnapshot,
    payments: s!.payments.map((p) => ({
      id: p.id,
      amountCents: p.amountCents,
      paidOn: dateOnly(p.paidOn),
      reference: p.reference,
    })),
    creditNotes: s!.creditNotes.map((c) => ({
      id: c.id,
      number: c.number,
      lineIndex: c.lineIndex,
      amountCents: c.amountCents,
      reason: c.reason,
      issuedAt: c.issuedAt,
    })),
    ...settle(s!),
  };
}

/** Every partner body that has something to bill in the year (a convention, a plan, time, a statement). */
export async function yearView(
  db: Db,
  actor: Actor,
  raw: z.input<typeof yearInput>,
  readers: BillableActivityReader[],
) {
  requireBillingManager(actor);
  const { year } = yearInput.parse(raw);
  const period = yearPeriod(year);
  const from = new Date(`${period.from}T00:00:00Z`);
  const to = new Date(`${period.to}T00:00:00Z`);
  const bodies = await db.body.findMany({
    where: {
      kind: { not: "provider" },
      OR: [
        {
          signedConventions: {
            some: {
              status: { not: "draft" },
              startDate: { lte: to },
              OR: [{ endDate: null }, { endDate: { gte: from } }],
            },
          },
        },
      ],
    },
    select: { id: true, legalName: true, kind: true },
    orderBy: { legalName: "asc" },
  });
  const others = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT b."id" FROM "Body" b
    WHERE b."kind" <> 'provider' AND (
      EXISTS (SELECT 1 FROM "CostSharingMember" m JOIN "CostSharingPlan" p ON p."id" = m."planId"
              WHERE m."bodyId" = b."id" AND p."periodFrom" <= ${to} AND p."periodTo" >= ${from})
      OR EXISTS (SELECT 1 FROM "TimeEntry" t WHERE t."bodyId" = b."id" AND t."billable"
                 AND t."workedOn" BETWEEN ${from} AND ${to})
      OR EXISTS (SELECT 1 FROM "Statement" s WHERE s."bodyId" = b."id" AND s."periodFrom" <= ${to} AND s."periodTo" >= ${from}))`;
  const known = new Set(bodies.map((b) => b.id));
  const extra = await db.body.findMany({
    where: { id: { in: others.map((o) => o.id).filter((id) => !known.has(id)) } },
    select: { id: true, legalName: true, kind: true },
  });
  const all = [...bodies, ...extra].sort((a, b) => a.legalName.localeCompare(b.legalName, "fr"));
  const statements = await listStatements(db, actor, { year });
  type YearRow = {
    bodyId: string;
    legalName: string;
    kind: string;
    source: "issued" | "draft";
    statements: { id: string; number: string; state: string }[];
    dueCents: number;
    providerCents: number;
    paidCents: number;
    outstandingCents: number;
  };
  const rows: YearRow[] = [];
  for (const b of all) {
    const issued = statements.filter((s) => s.bodyId === b.id && s.state !== "cancelled");
    if (issued.length > 0) {
      const sum = (f: (s: (typeof issued)[number]) => number) => issued.reduce((a, s) => a + f(s), 0);
      rows.push({
        bodyId: b.id,
        legalName: b.legalName,
        kind: b.kind,
        source: "issued",
        statements: issued.map((s) => ({ id: s.id, number: s.number, state: s.state })),
        dueCents: sum((s) => s.dueCents),
        providerCents: sum((s) => s.providerCents),
        paidCents: sum((s) => s.paidCents),
        outstandingCents: sum((s) => s.outstandingCents),
      });
    } else {
      const draft = await computeStatement(db, b.id, period, readers);
      rows.push({
        bodyId: b.id,
        legalName: b.legalName,
        kind: b.kind,
        source: "draft",
        statements: [],
        dueCents: draft.totals.amountCents,
        providerCents: draft.totals.providerCents,
        paidCents: 0,
        outstandingCents: draft.totals.amountCents,
      });
    }
  }
  const total = (f: (r: YearRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  const plans = (await listPlans(db, actor)).filter(
    (p) => p.periodFrom <= period.to && p.periodTo >= period.from,
  );
  return {
    year,
    rows,
    totals: {
      dueCents: total((r) => r.dueCents),
      providerCents: total((r) => r.providerCents),
      paidCents: total((r) => r.paidCents),
      outstandingCents: total((r) => r.outstandingCents),
    },
    plans,
  };
}

export async function timeEntriesOf(db: Db, actor: Actor, ticketId: string) {
  requireTimeLogger(actor);
  const ticket = await db.ticket.findUnique({ where: { id: ticketId }, select: { id: true } });
  if (!ticket) throw notFound("ticket");
  return entriesWhere(db, { ticketId });
}

/** Time spent on a data-migration job (technicians and managers). */
export async function jobTimeEntries(db: Db, actor: Actor, raw: z.input<typeof jobTimeQuery>) {
  requireTimeLogger(actor);
  const { migrationJobId } = jobTimeQuery.parse(raw);
  const job = await db.migrationJob.findUnique({ where: { id: migrationJobId }, select: { id: true } });
  if (!job) throw notFound("migration");
  return entriesWhere(db, { migrationJobId });
}

async function entriesWhere(db: Db, where: { ticketId: string } | { migrationJobId: string }) {
  const rows = await db.timeEntry.findMany({
    where,
    orderBy: [{ workedOn: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((e) => ({
    id: e.id,
    workedOn: dateOnly(e.workedOn),
    minutes: e.minutes,
    profile: e.profile,
    billable: e.billable,
    comment: e.comment,
    userName: e.userName,
  }));
}

/** Budget coding rules, with their service's name (null: every service), most recent year first. */
export async function listBudgetCodes(db: Db, actor: Actor) {
  requireBillingManager(actor);
  const [rows, services] = await Promise.all([
    db.budgetCode.findMany({
      orderBy: [{ lineKind: "asc" }, { bodyKind: "asc" }, { serviceId: "asc" }, { fromYear: "desc" }],
    }),
    db.service.findMany({ select: { id: true, name: true } }),
  ]);
  const name = new Map(services.map((s) => [s.id, s.name]));
  return rows.map((r) => ({ ...r, serviceName: r.serviceId ? (name.get(r.serviceId) ?? null) : null }));
}

/** Bodies a manager can bill, with their invoicing references. */
export async function billableBodies(db: Db, actor: Actor) {
  requireRole(actor, "manager", "admin");
  return db.body.findMany({
    where: { kind: { not: "provider" } },
    select: {
      id: true,
      legalName: true,
      kind: true,
      siret: true,
      invoicingRequirement: true,
      invoicingServiceCode: true,
      commitmentNumber: true,
    },
    orderBy: { legalName: "asc" },
  });
}
