// The billing report: per year, what the issued statements make due, the provider's participation,
// what was paid and what is outstanding, per body and per service. Statements count in the year
// their period starts; credit notes reduce what is due (on their line's service when they name one).
// Drafts are not due yet: they are on the billing page (/facturation), not here. Managers only.
import { z } from "zod";
import { Prisma, type Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import {
  kpiSummary,
  type ChartSpec,
  type ReportData,
  type ReportDefinition,
  type ReportQuery,
} from "./definition.ts";
import { euros } from "../documents/index.ts";
import { bodyFilterLabel, names } from "./names.ts";
import { periodLabel, previousPeriod, type Period } from "./rules.ts";

const id = z.uuid({ message: "report_unknown" }).optional();
export const billingFilters = z.object({ body: id });
export type BillingFilters = z.infer<typeof billingFilters>;

interface Money {
  due: number;
  provider: number;
  paid: number;
}

const periodDates = (p: Period) => ({ from: `${p.from}-01`, to: `${p.to}-01` });

function statementWhere(q: ReportQuery<BillingFilters>, p: Period): Prisma.Sql {
  const { from, to } = periodDates(p);
  const parts = [
    Prisma.sql`s."status" = 'issued'`,
    Prisma.sql`s."periodFrom" >= ${from}::date AND s."periodFrom" < ${to}::date`,
  ];
  if (q.bodyIds !== "all") parts.push(Prisma.sql`s."bodyId" = ANY(${q.bodyIds}::uuid[])`);
  return Prisma.join(parts, " AND ");
}

async function byBody(db: Db, q: ReportQuery<BillingFilters>, p: Period) {
  return db.$queryRaw<(Money & { bodyId: string; statements: number })[]>`
    SELECT s."bodyId"::text AS "bodyId", count(*)::int AS "statements",
      COALESCE(sum(s."totalCents" - COALESCE((SELECT sum(c."amountCents") FROM "CreditNote" c WHERE c."statementId" = s."id"), 0)), 0)::int AS "due",
      COALESCE(sum(s."providerCents"), 0)::int AS "provider",
      COALESCE(sum((SELECT sum(pm."amountCents") FROM "StatementPayment" pm WHERE pm."statementId" = s."id")), 0)::int AS "paid"
    FROM "Statement" s
    WHERE ${statementWhere(q, p)}
    GROUP BY 1`;
}

/** Per service, from the frozen lines of the statements (what was issued, not today's prices). */
async function byService(db: Db, q: ReportQuery<BillingFilters>, p: Period) {
  return db.$queryRaw<{ service: string; due: number; provider: number; credited: number }[]>`
    WITH lines AS (
      SELECT s."id" AS "statementId", (l.ord - 1)::int AS "index",
        COALESCE(l.line->>'serviceName', 'Hors service') AS "service",
        (l.line->>'amountCents')::int AS "amount", (l.line->>'providerCents')::int AS "provider"
      FROM "Statement" s, jsonb_array_elements(s."snapshot"->'lines') WITH ORDINALITY AS l(line, ord)
      WHERE ${statementWhere(q, p)}
    )
    SELECT l."service", sum(l."amount")::int AS "due", sum(l."provider")::int AS "provider",
      COALESCE(sum((SELECT sum(c."amountCents") FROM "CreditNote" c
        WHERE c."statementId" = l."statementId" AND c."lineIndex" = l."index")), 0)::int AS "credited"
    FROM lines l GROUP BY 1 ORDER BY 1`;
}

async function readBilling(
  db: Db,
  _actor: Actor,
  q: ReportQuery<BillingFilters>,
  _now: Date,
): Promise<ReportData> {
  const period = q.period;
  const prev = previousPeriod(period);
  const [bodies, bodiesPrev, services] = await Promise.all([
    byBody(db, q, period),
    byBody(db, q, prev),
    byService(db, q, period),
  ]);
  const bodyNames = await names(
    db,
    "Body",
    bodies.map((b) => b.bodyId),
  );
  const sum = (rows: Money[], k: keyof Money) => rows.reduce((a, r) => a + r[k], 0);
  const t = { due: sum(bodies, "due"), provider: sum(bodies, "provider"), paid: sum(bodies, "paid") };
  const before = { due: sum(bodiesPrev, "due"), paid: sum(bodiesPrev, "paid") };
  const bodyRows = bodies
    .map((b) => ({
      body: bodyNames.get(b.bodyId) ?? "—",
      statements: b.statements,
      due: b.due / 100,
      provider: b.provider / 100,
      paid: b.paid / 100,
      outstanding: (b.due - b.paid) / 100,
    }))
    .sort((x, y) => x.body.localeCompare(y.body, "fr"));
  const charts: ChartSpec[] = [
    {
      id: "bodies",
      title: "Dû et payé par organisme",
      description: "Montant dû (relevés émis, avoirs déduits) et montant payé, par organisme, en euros.",
      kind: "bar",
      data: bodyRows.flatMap((r) => [
        { x: r.body, y: r.due, series: "Dû" },
        { x: r.body, y: r.paid, series: "Payé" },
      ]),
      xLabel: "Organisme",
      yLabel: "Montant (€)",
    },
    {
      id: "services",
      title: "Dû par service",
      description: "Montant dû par service sur les relevés émis de la période, avoirs déduits, en euros.",
      kind: "bar",
      data: services.map((s) => ({ x: s.service, y: (s.due - s.credited) / 100 })),
      xLabel: "Service",
      yLabel: "Montant (€)",
    },
  ];
  return {
    reportId: "billing",
    title: "Rapport facturation",
    period,
    periodLabel: periodLabel(period),
    previousLabel: periodLabel(prev),
    filtersUsed: [await bodyFilterLabel(db, q.bodyIds)],
    kpis: [
      { id: "due", label: "Dû", value: t.due, display: euros(t.due), previous: euros(before.due) },
      {
        id: "provider",
        label: "Participation du prestataire",
        value: t.provider,
        display: euros(t.provider),
      },
      { id: "paid", label: "Payé", value: t.paid, display: euros(t.paid), previous: euros(before.paid) },
      {
        id: "outstanding",
        label: "Reste à payer",
        value: t.due - t.paid,
        display: euros(t.due - t.paid),
        belowTarget: t.due - t.paid > 0,
      },
    ],
    charts,
    tables: [
      {
        id: "bodies",
        title: "Par organisme (en euros)",
        columns: [
          { key: "body", title: "Organisme" },
          { key: "statements", title: "Relevés", align: "right" },
          { key: "due", title: "Dû", align: "right" },
          { key: "provider", title: "Participation du prestataire", align: "right" },
          { key: "paid", title: "Payé", align: "right" },
          { key: "outstanding", title: "Reste à payer", align: "right" },
        ],
        rows: bodyRows,
        totals: {
          body: "Total",
          statements: bodies.reduce((a, b) => a + b.statements, 0),
          due: t.due / 100,
          provider: t.provider / 100,
          paid: t.paid / 100,
          outstanding: (t.due - t.paid) / 100,
        },
      },
      {
        id: "services",
        title: "Par service (en euros)",
        columns: [
          { key: "service", title: "Service" },
          { key: "lines", title: "Lignes émises", align: "right" },
          { key: "credited", title: "Avoirs", align: "right" },
          { key: "due", title: "Dû", align: "right" },
          { key: "provider", title: "Participation du prestataire", align: "right" },
        ],
        rows: services.map((s) => ({
          service: s.service,
          lines: s.due / 100,
          credited: s.credited / 100,
          due: (s.due - s.credited) / 100,
          provider: s.provider / 100,
        })),
      },
    ],
    definitions: [
      "Seuls les relevés émis comptent : un brouillon n'est pas dû. Un relevé compte dans la période où commence la période qu'il facture.",
      "Dû = total du relevé moins ses avoirs. Payé = paiements enregistrés. Reste à payer = dû − payé.",
      "Participation du prestataire : la part du coût que le prestataire prend à sa charge (plans de partage du coût global), déjà déduite du dû.",
      "Par service : les lignes telles qu'elles ont été figées à l'émission (les prix d'aujourd'hui ne les changent pas) ; un avoir qui corrige une ligne est déduit du service de cette ligne, un avoir sans ligne n'est compté que par organisme.",
      "Montants en euros, calculés en centimes sans arrondi intermédiaire.",
    ],
  };
}

export const billingReport: ReportDefinition<BillingFilters> = {
  id: "billing",
  title: "Rapport facturation",
  agents: false,
  periods: ["year", "quarter", "month"],
  filters: billingFilters,
  filterFields: [{ name: "body", label: "Organisme", options: "bodies" }],
  read: readBilling,
  summary: kpiSummary(),
};
