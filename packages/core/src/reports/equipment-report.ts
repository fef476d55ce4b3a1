// The equipment report: the registry by status and kind and what is out on loan per body (as of
// now), returns overdue and loans whose inventory is not signed yet (as of now), and the losses and
// thefts declared in the period, on time or late. A partner agent's report covers what their bodies
// hold and borrowed.
import { z } from "zod";
import { Prisma, type Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { localDateOf } from "../sla/index.ts";
import type { ChartSpec, ReportData, ReportDefinition, ReportQuery } from "./definition.ts";
import { bodyFilterLabel, names } from "./names.ts";
import { periodLabel, previousPeriod, type Period } from "./rules.ts";

const id = z.uuid({ message: "report_unknown" }).optional();
export const equipmentFilters = z.object({ body: id });
export type EquipmentFilters = z.infer<typeof equipmentFilters>;

export const ASSET_STATUS_LABEL: Record<string, string> = {
  in_stock: "En stock",
  reserved: "Réservé",
  lent: "Prêté",
  in_repair: "En réparation",
  lost: "Perdu",
  stolen: "Volé",
  retired: "Réformé",
};

/** The limit to declare a loss or theft from its discovery (the loan contract's 24 h). */
const DECLARE_WITHIN_HOURS = 24;

const bodyOf = (q: ReportQuery<EquipmentFilters>, col: Prisma.Sql) =>
  q.bodyIds === "all" ? Prisma.sql`TRUE` : Prisma.sql`${col} = ANY(${q.bodyIds}::uuid[])`;

async function losses(db: Db, q: ReportQuery<EquipmentFilters>, period: Period) {
  return db.$queryRaw<{ kind: string; onTime: number; late: number }[]>`
    SELECT d."kind"::text AS "kind",
      count(*) FILTER (WHERE d."declaredAt" - d."discoveredAt" <= make_interval(hours => ${DECLARE_WITHIN_HOURS}))::int AS "onTime",
      count(*) FILTER (WHERE d."declaredAt" - d."discoveredAt" > make_interval(hours => ${DECLARE_WITHIN_HOURS}))::int AS "late"
    FROM "LossDeclaration" d JOIN "Loan" l ON l."id" = d."loanId"
    WHERE d."declaredAt" >= ${period.start} AND d."declaredAt" < ${period.end} AND ${bodyOf(q, Prisma.sql`l."bodyId"`)}
    GROUP BY 1`;
}

async function readEquipment(
  db: Db,
  _actor: Actor,
  q: ReportQuery<EquipmentFilters>,
  now: Date,
): Promise<ReportData> {
  const period = q.period;
  const prev = previousPeriod(period);
  const d = localDateOf("Europe/Paris", now.getTime());
  const todayDate = new Date(Date.UTC(d.year, d.month - 1, d.day));
  const held = bodyOf(q, Prisma.sql`a."bodyId"`);
  const [byStatusKind, onLoan, overdue, unsigned, lossRows, lossPrev, lossList] = await Promise.all([
    db.$queryRaw<{ status: string; kind: string; count: number }[]>`
      SELECT a."status"::text AS "status", k."label" AS "kind", count(*)::int AS "count"
      FROM "Asset" a JOIN "AssetKind" k ON k."id" = a."kindId"
      WHERE ${held}
      GROUP BY 1, 2 ORDER BY 2, 1`,
    db.$queryRaw<{ bodyId: string; assets: number; loans: number }[]>`
      SELECT l."bodyId"::text AS "bodyId", count(DISTINCT i."assetId")::int AS "assets", count(DISTINCT l."id")::int AS "loans"
      FROM "Loan" l JOIN "LoanItem" i ON i."loanId" = l."id"
      WHERE l."status" IN ('inventory_signed', 'in_service', 'return_in_progress') AND ${bodyOf(q, Prisma.sql`l."bodyId"`)}
      GROUP BY 1`,
    db.$queryRaw<{ id: string; number: string; bodyId: string; endDate: Date; days: number }[]>`
      SELECT l."id", l."number", l."bodyId"::text AS "bodyId", l."endDate", (${todayDate}::date - l."endDate"::date)::int AS "days"
      FROM "Loan" l
      WHERE l."status" IN ('in_service', 'return_in_progress') AND l."endDate" < ${todayDate}::date
        AND ${bodyOf(q, Prisma.sql`l."bodyId"`)}
      ORDER BY l."endDate", l."number" LIMIT 200`,
    db.$queryRaw<{ id: string; number: string; bodyId: string; startDate: Date }[]>`
      SELECT l."id", l."number", l."bodyId"::text AS "bodyId", l."startDate"
      FROM "Loan" l
      WHERE l."status" = 'draft' AND ${bodyOf(q, Prisma.sql`l."bodyId"`)}
      ORDER BY l."startDate", l."number" LIMIT 200`,
    losses(db, q, period),
    losses(db, q, prev),
    db.$queryRaw<{ number: string; bodyId: string; kind: string; discoveredAt: Date; declaredAt: Date }[]>`
      SELECT l."number", l."bodyId"::text AS "bodyId", d."kind"::text AS "kind", d."discoveredAt", d."declaredAt"
      FROM "LossDeclaration" d JOIN "Loan" l ON l."id" = d."loanId"
      WHERE d."declaredAt" >= ${period.start} AND d."declaredAt" < ${period.end} AND ${bodyOf(q, Prisma.sql`l."bodyId"`)}
      ORDER BY d."declaredAt" LIMIT 200`,
  ]);
  const bodyNames = await names(db, "Body", [
    ...new Set([...onLoan, ...overdue, ...unsigned, ...lossList].map((r) => r.bodyId)),
  ]);
  const body = (id: string) => bodyNames.get(id) ?? "—";
  const statuses = Object.keys(ASSET_STATUS_LABEL);
  const total = (s: string) => byStatusKind.filter((r) => r.status === s).reduce((a, r) => a + r.count, 0);
  const kinds = [...new Set(byStatusKind.map((r) => r.kind))];
  const count = (kind: string, s: string) =>
    byStatusKind.find((r) => r.kind === kind && r.status === s)?.count ?? 0;
  const sumLoss = (rows: typeof lossRows, k: "onTime" | "late") => rows.reduce((a, r) => a + r[k], 0);
  const paris = (d: Date) =>
    d.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });
  const day = (d: Date) => d.toISOString().slice(0, 10).split("-").reverse().join("/");
  const lost = sumLoss(lossRows, "onTime") + sumLoss(lossRows, "late");
  const charts: ChartSpec[] = [
    {
      id: "statuses",
      title: "Matériel par statut",
      description: "Nombre d'équipements du parc par statut, aujourd'hui.",
      kind: "bar",
      data: statuses.map((s) => ({ x: ASSET_STATUS_LABEL[s]!, y: total(s) })),
      xLabel: "Statut",
      yLabel: "Équipements",
    },
    {
      id: "loans",
      title: "Matériel prêté par organisme",
      description: "Nombre d'équipements actuellement prêtés, par organisme emprunteur.",
      kind: "bar",
      data: onLoan.map((r) => ({ x: body(r.bodyId), y: r.assets })),
      xLabel: "Organisme",
      yLabel: "Équipements prêtés",
    },
  ];
  return {
    reportId: "equipment",
    title: "Rapport matériel",
    period,
    periodLabel: periodLabel(period),
    previousLabel: periodLabel(prev),
    filtersUsed: [await bodyFilterLabel(db, q.bodyIds)],
    kpis: [
      {
        id: "assets",
        label: "Équipements",
        value: statuses.reduce((a, s) => a + total(s), 0),
        display: String(statuses.reduce((a, s) => a + total(s), 0)),
      },
      { id: "lent", label: "Prêtés aujourd'hui", value: total("lent"), display: String(total("lent")) },
      {
        id: "overdue",
        label: "Restitutions en retard",
        value: overdue.length,
        display: String(overdue.length),
      },
      {
        id: "unsigned",
        label: "Prêts sans inventaire signé",
        value: unsigned.length,
        display: String(unsigned.length),
      },
      {
        id: "losses",
        label: "Pertes et vols déclarés",
        value: lost,
        display: String(lost),
        previous: String(sumLoss(lossPrev, "onTime") + sumLoss(lossPrev, "late")),
      },
      {
        id: "late",
        label: "Déclarés hors délai",
        value: sumLoss(lossRows, "late"),
        display: String(sumLoss(lossRows, "late")),
        belowTarget: sumLoss(lossRows, "late") > 0,
      },
    ],
    charts,
    tables: [
      {
        id: "kinds",
        title: "Matériel par type et statut",
        columns: [
          { key: "kind", title: "Type" },
          ...statuses.map((s) => ({ key: s, title: ASSET_STATUS_LABEL[s]!, align: "right" as const })),
          { key: "total", title: "Total", align: "right" },
        ],
        rows: kinds.map((k) => ({
          kind: k,
          ...Object.fromEntries(statuses.map((s) => [s, count(k, s)])),
          total: statuses.reduce((a, s) => a + count(k, s), 0),
        })),
        totals: {
          kind: "Total",
          ...Object.fromEntries(statuses.map((s) => [s, total(s)])),
          total: statuses.reduce((a, s) => a + total(s), 0),
        },
      },
      {
        id: "bodies",
        title: "Prêts en cours par organisme",
        columns: [
          { key: "body", title: "Organisme" },
          { key: "loans", title: "Prêts", align: "right" },
          { key: "assets", title: "Équipements", align: "right" },
        ],
        rows: onLoan
          .map((r) => ({ body: body(r.bodyId), loans: r.loans, assets: r.assets }))
          .sort((x, y) => x.body.localeCompare(y.body, "fr")),
        totals: {
          body: "Total",
          loans: onLoan.reduce((a, r) => a + r.loans, 0),
          assets: onLoan.reduce((a, r) => a + r.assets, 0),
        },
      },
      {
        id: "overdue",
        title: "Restitutions en retard",
        columns: [
          { key: "number", title: "Prêt" },
          { key: "body", title: "Organisme" },
          { key: "endDate", title: "Fin prévue" },
          { key: "days", title: "Jours de retard", align: "right" },
        ],
        rows: overdue.map((r) => ({
          number: r.number,
          body: body(r.bodyId),
          endDate: day(r.endDate),
          days: r.days,
        })),
      },
      {
        id: "unsigned",
        title: "Prêts sans inventaire signé",
        columns: [
          { key: "number", title: "Prêt" },
          { key: "body", title: "Organisme" },
          { key: "startDate", title: "Début prévu" },
        ],
        rows: unsigned.map((r) => ({ number: r.number, body: body(r.bodyId), startDate: day(r.startDate) })),
      },
      {
        id: "losses",
        title: "Pertes et vols déclarés sur la période",
        columns: [
          { key: "number", title: "Prêt" },
          { key: "body", title: "Organisme" },
          { key: "kind", title: "Nature" },
          { key: "discoveredAt", title: "Découvert le" },
          { key: "declaredAt", title: "Déclaré le" },
          { key: "delay", title: "Délai" },
        ],
        rows: lossList.map((r) => {
          const hours = Math.round((r.declaredAt.getTime() - r.discoveredAt.getTime()) / 3_600_000);
          return {
            number: r.number,
            body: body(r.bodyId),
            kind: r.kind === "theft" ? "Vol" : "Perte",
            discoveredAt: paris(r.discoveredAt),
            declaredAt: paris(r.declaredAt),
            delay: hours > DECLARE_WITHIN_HOURS ? `Hors délai (${hours} h)` : `Dans le délai (${hours} h)`,
          };
        }),
      },
    ],
    definitions: [
      "Le parc, les prêts en cours, les retards et les inventaires non signés sont ceux d'aujourd'hui ; les pertes et vols sont ceux déclarés pendant la période choisie (heure de Paris).",
      "Un prêt est « en cours » de la signature de son inventaire jusqu'à la restitution ; sa restitution est en retard quand la date de fin prévue est passée et que le matériel n'est pas rendu.",
      "Un prêt est « sans inventaire signé » tant que l'inventaire contradictoire et la fiche de tests n'ont pas été validés par le technicien et par l'organisme.",
      `Une perte ou un vol doit être déclaré dans les ${DECLARE_WITHIN_HOURS} heures suivant sa découverte ; au-delà, la déclaration est « hors délai ».`,
      "Un agent partenaire ne voit que le matériel que ses organismes détiennent ou ont emprunté.",
    ],
  };
}

export const equipmentReport: ReportDefinition<EquipmentFilters> = {
  id: "equipment",
  title: "Rapport matériel",
  agents: true,
  periods: ["month", "quarter", "year"],
  filters: equipmentFilters,
  filterFields: [{ name: "body", label: "Organisme", options: "bodies" }],
  read: readEquipment,
  summary: (d) =>
    d.kpis
      .filter((k) => ["lent", "overdue", "losses"].includes(k.id))
      .map((k) => `${k.label} : ${k.display}`)
      .join("\n"),
};
