// The SLA report: rates of intervention and resolution targets met, working times (median, 90th
// percentile), counts by status, CSAT — read from the monthly rollup (rollup.ts), never the tickets.
import { z } from "zod";
import { Prisma, type Db } from "@mutuo/db";
import { text } from "../shared/text.ts";
import {
  kpiSummary,
  type ChartSpec,
  type ReportData,
  type ReportDefinition,
  type ReportQuery,
} from "./definition.ts";
import { names } from "./names.ts";
import { NO_TECHNICIAN } from "./rollup.ts";
import { formatMinutes, monthsOf, periodLabel, previousPeriod, rate, type Period } from "./rules.ts";

/** The target rate of targets met, in % (the line on the charts). */
export const SLA_TARGET_RATE = 95;

export const PRIORITIES = ["critical", "high", "medium", "low"] as const;
export const CHANNELS = ["portal", "email", "phone", "letter"] as const;
export const PRIORITY_LABEL: Record<string, string> = {
  critical: "Critique",
  high: "Élevée",
  medium: "Moyenne",
  low: "Basse",
};
export const CHANNEL_LABEL: Record<string, string> = {
  portal: "Portail",
  email: "E-mail",
  phone: "Téléphone",
  letter: "Courrier",
};

const id = z.uuid({ message: "report_unknown" }).optional();
export const slaFilters = z.object({
  body: id,
  service: id,
  technician: id,
  priority: z.enum(PRIORITIES, { message: "report_unknown" }).optional(),
  channel: z.enum(CHANNELS, { message: "report_unknown" }).optional(),
  // Only for the drill-down's cursor.
  cursor: text().max(500).optional(),
});
export type SlaFilters = z.infer<typeof slaFilters>;

/** The WHERE of a rollup read: period months, bodies, and the report's filters. */
export function rollupWhere(q: ReportQuery<SlaFilters>, period: Period): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`r."month" >= ${`${period.from}-01`}::date AND r."month" < ${`${period.to}-01`}::date`,
  ];
  if (q.bodyIds !== "all") parts.push(Prisma.sql`r."bodyId" = ANY(${q.bodyIds}::uuid[])`);
  const f = q.filters;
  if (f.service) parts.push(Prisma.sql`r."serviceId" = ${f.service}::uuid`);
  if (f.technician) parts.push(Prisma.sql`r."technicianId" = ${f.technician}::uuid`);
  if (f.priority) parts.push(Prisma.sql`r."priority" = ${f.priority}::"Priority"`);
  if (f.channel) parts.push(Prisma.sql`r."channel" = ${f.channel}::"Channel"`);
  return Prisma.join(parts, " AND ");
}

const SUMS = Prisma.sql`
  COALESCE(sum(r."tickets"), 0)::int AS "tickets",
  COALESCE(sum(r."interventionMet"), 0)::int AS "iMet",
  COALESCE(sum(r."interventionBreached"), 0)::int AS "iBreached",
  COALESCE(sum(r."interventionPending"), 0)::int AS "iPending",
  COALESCE(sum(r."resolutionMet"), 0)::int AS "rMet",
  COALESCE(sum(r."resolutionBreached"), 0)::int AS "rBreached",
  COALESCE(sum(r."resolutionPending"), 0)::int AS "rPending",
  COALESCE(sum(r."csatAsked"), 0)::int AS "csatAsked",
  COALESCE(sum(r."csatAnswers"), 0)::int AS "csatAnswers",
  COALESCE(sum(r."csatSum"), 0)::int AS "csatSum"`;

export interface Sums {
  tickets: number;
  iMet: number;
  iBreached: number;
  iPending: number;
  rMet: number;
  rBreached: number;
  rPending: number;
  csatAsked: number;
  csatAnswers: number;
  csatSum: number;
}

const STATUSES = [
  ["statusNew", "Nouveau"],
  ["statusAssigned", "Assigné"],
  ["statusInProgress", "En cours"],
  ["statusWaiting", "En attente du partenaire"],
  ["statusResolved", "Résolu"],
  ["statusClosed", "Clos"],
  ["statusCancelled", "Annulé"],
] as const;

const pct = (v: number | null) => (v === null ? "—" : `${String(v).replace(".", ",")} %`);
const csatAverage = (s: Sums) => (s.csatAnswers ? Math.round((10 * s.csatSum) / s.csatAnswers) / 10 : null);

async function sums(db: Db, where: Prisma.Sql, groupBy?: Prisma.Sql) {
  return db.$queryRaw<(Sums & { key: string })[]>`
    SELECT ${groupBy ?? Prisma.sql`''`} AS "key", ${SUMS}
    FROM "ReportSlaMonth" r WHERE ${where}
    ${groupBy ? Prisma.sql`GROUP BY 1 ORDER BY 1` : Prisma.empty}`;
}

/** Upper bounds (working minutes) of the time distribution's buckets; the last one is open. */
const BUCKET_LIMITS = [60, 240, 480, 1440, 4320];

/**
 * Median and 90th percentile of the times to intervention and to resolution, and their distribution
 * in buckets, in one pass over the rollup's minutes (at 1M tickets the unnest is the report's cost).
 */
async function percentiles(db: Db, where: Prisma.Sql) {
  const buckets = Prisma.join(
    [...BUCKET_LIMITS, null].map((hi, i) => {
      const lo = i === 0 ? null : BUCKET_LIMITS[i - 1]!;
      const cond = [
        lo === null ? null : Prisma.sql`x."m" >= ${lo}`,
        hi === null ? null : Prisma.sql`x."m" < ${hi}`,
      ].filter((c): c is Prisma.Sql => c !== null);
      return Prisma.sql`count(*) FILTER (WHERE ${Prisma.join(cond, " AND ")})::int`;
    }),
  );
  const rows = await db.$queryRaw<
    { kind: "i" | "r"; p50: number | null; p90: number | null; buckets: number[] }[]
  >`
    SELECT x."kind", percentile_cont(0.5) WITHIN GROUP (ORDER BY x."m") AS "p50",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY x."m") AS "p90",
           ARRAY[${buckets}] AS "buckets"
    FROM (SELECT 'i' AS "kind", unnest(r."interventionMinutes") AS "m" FROM "ReportSlaMonth" r WHERE ${where}
          UNION ALL
          SELECT 'r', unnest(r."resolutionMinutes") FROM "ReportSlaMonth" r WHERE ${where}) x
    GROUP BY x."kind"`;
  const of = (k: "i" | "r") => rows.find((r) => r.kind === k);
  const times = (k: "i" | "r") => ({ p50: of(k)?.p50 ?? null, p90: of(k)?.p90 ?? null });
  return {
    intervention: times("i"),
    resolution: times("r"),
    buckets: (k: "i" | "r", i: number) => of(k)?.buckets[i] ?? 0,
  };
}

const BUCKETS = ["< 1 h", "1–4 h", "4–8 h", "8–24 h", "1–3 j", "> 3 j"];

async function statusCounts(db: Db, where: Prisma.Sql) {
  const cols = Prisma.join(
    STATUSES.map(
      ([c]) => Prisma.sql`COALESCE(sum(r.${Prisma.raw(`"${c}"`)}), 0)::int AS ${Prisma.raw(`"${c}"`)}`,
    ),
  );
  const [row] = await db.$queryRaw<
    Record<string, number>[]
  >`SELECT ${cols} FROM "ReportSlaMonth" r WHERE ${where}`;
  return row ?? {};
}

/** The figures of one group of tickets, as a table row. */
function row(s: Sums) {
  return {
    tickets: s.tickets,
    iMet: s.iMet,
    iBreached: s.iBreached,
    iPending: s.iPending,
    iRate: rate(s.iMet, s.iMet + s.iBreached),
    rMet: s.rMet,
    rBreached: s.rBreached,
    rPending: s.rPending,
    rRate: rate(s.rMet, s.rMet + s.rBreached),
    csat: csatAverage(s),
    csatRate: rate(s.csatAnswers, s.csatAsked),
  };
}

const GROUP_COLUMNS = [
  { key: "tickets", title: "Tickets", align: "right" as const },
  { key: "iMet", title: "Interv. respectées", align: "right" as const },
  { key: "iBreached", title: "Interv. dépassées", align: "right" as const },
  { key: "iPending", title: "Interv. en cours", align: "right" as const },
  { key: "iRate", title: "Taux interv. (%)", align: "right" as const },
  { key: "rMet", title: "Résol. respectées", align: "right" as const },
  { key: "rBreached", title: "Résol. dépassées", align: "right" as const },
  { key: "rPending", title: "Résol. en cours", align: "right" as const },
  { key: "rRate", title: "Taux résol. (%)", align: "right" as const },
  { key: "csat", title: "Satisfaction (/5)", align: "right" as const },
  { key: "csatRate", title: "Taux de réponse (%)", align: "right" as const },
];

export const SLA_DEFINITIONS = [
  "Un ticket compte dans le mois de sa réception (heure de Paris), quel que soit le moment où il est traité.",
  "Un objectif (première intervention, résolution) est respecté quand l'intervention (resp. la résolution) a eu lieu à l'échéance enregistrée sur le ticket ou avant — pauses (attente du partenaire) et échéances fixées à la main déjà prises en compte ; il est dépassé sinon. Un ticket encore ouvert après son échéance compte comme dépassé ; ouvert avant son échéance, il est « en cours » : montré à part, il n'entre pas dans le taux.",
  `Taux = objectifs respectés ÷ (respectés + dépassés). La cible est de ${SLA_TARGET_RATE} %.`,
  "Les délais d'intervention et de résolution sont mesurés en temps ouvré, sur le calendrier du ticket (horaires, jours fériés, fermetures), pauses déduites : médiane (la moitié des tickets fait mieux) et 90e centile (9 tickets sur 10 font mieux).",
  "Satisfaction : moyenne des notes (1 à 5) données par les partenaires ; taux de réponse = notes reçues ÷ tickets résolus ou clos.",
  "La période précédente est celle de même durée juste avant (le mois, le trimestre ou l'année d'avant).",
  "Les chiffres viennent d'un tableau de synthèse mensuel mis à jour par le serveur chaque minute.",
];

async function readSla(db: Db, q: ReportQuery<SlaFilters>): Promise<ReportData> {
  const period = q.period;
  const prev = previousPeriod(period);
  const where = rollupWhere(q, period);
  const wherePrev = rollupWhere(q, prev);
  const [[cur], [before], p, pPrev, byMonth, byChannel, byBody, statuses] = await Promise.all([
    sums(db, where),
    sums(db, wherePrev),
    percentiles(db, where),
    percentiles(db, wherePrev),
    sums(db, where, Prisma.sql`to_char(r."month", 'YYYY-MM')`),
    sums(db, where, Prisma.sql`r."channel"::text`),
    sums(db, where, Prisma.sql`r."bodyId"::text`),
    statusCounts(db, where),
  ]);
  const c = cur!;
  const b = before!;
  const iRate = rate(c.iMet, c.iMet + c.iBreached);
  const rRate = rate(c.rMet, c.rMet + c.rBreached);
  const bodyNames = await names(
    db,
    "Body",
    byBody.map((r) => r.key),
  );
  const months = monthsOf(period);
  const monthRows = months.map((m) => byMonth.find((r) => r.key === m) ?? { ...c, ...zero, key: m });
  const filterNames = await filterLabels(db, q);
  const charts: ChartSpec[] = [
    {
      id: "rates",
      title: "Objectifs respectés par mois",
      description: `Taux mensuel d'objectifs de première intervention et de résolution respectés, avec la cible de ${SLA_TARGET_RATE} % en pointillés.`,
      kind: "line",
      data: monthRows.flatMap((m) => [
        ...(rate(m.iMet, m.iMet + m.iBreached) !== null
          ? [{ x: m.key, y: rate(m.iMet, m.iMet + m.iBreached)!, series: "Intervention" }]
          : []),
        ...(rate(m.rMet, m.rMet + m.rBreached) !== null
          ? [{ x: m.key, y: rate(m.rMet, m.rMet + m.rBreached)!, series: "Résolution" }]
          : []),
      ]),
      target: { value: SLA_TARGET_RATE, label: `Cible ${SLA_TARGET_RATE} %` },
      xLabel: "Mois",
      yLabel: "Objectifs respectés (%)",
      yDomain: [0, 100],
    },
    {
      id: "channels",
      title: "Tickets par canal",
      description: "Nombre de tickets reçus sur la période, par canal de réception.",
      kind: "bar",
      data: CHANNELS.map((ch) => ({
        x: CHANNEL_LABEL[ch]!,
        y: byChannel.find((r) => r.key === ch)?.tickets ?? 0,
      })),
      xLabel: "Canal",
      yLabel: "Tickets",
    },
    {
      id: "times",
      title: "Répartition des délais (temps ouvré)",
      description:
        "Nombre de tickets par tranche de délai ouvré, jusqu'à la première intervention et jusqu'à la résolution.",
      kind: "bar",
      data: BUCKETS.flatMap((label, i) => [
        {
          x: label,
          y: p.buckets("i", i),
          series: "Intervention",
        },
        { x: label, y: p.buckets("r", i), series: "Résolution" },
      ]),
      xLabel: "Délai ouvré",
      yLabel: "Tickets",
    },
  ];
  return {
    reportId: "sla",
    title: "Rapport SLA",
    period,
    periodLabel: periodLabel(period),
    previousLabel: periodLabel(prev),
    filtersUsed: [["Période", periodLabel(period)], ...filterNames],
    kpis: [
      {
        id: "iRate",
        label: "Interventions dans les délais",
        value: iRate,
        display: pct(iRate),
        previous: pct(rate(b.iMet, b.iMet + b.iBreached)),
        target: `${SLA_TARGET_RATE} %`,
        belowTarget: iRate !== null && iRate < SLA_TARGET_RATE,
      },
      {
        id: "rRate",
        label: "Résolutions dans les délais",
        value: rRate,
        display: pct(rRate),
        previous: pct(rate(b.rMet, b.rMet + b.rBreached)),
        target: `${SLA_TARGET_RATE} %`,
        belowTarget: rRate !== null && rRate < SLA_TARGET_RATE,
      },
      {
        id: "tickets",
        label: "Tickets reçus",
        value: c.tickets,
        display: String(c.tickets),
        previous: String(b.tickets),
      },
      {
        id: "breaches",
        label: "Objectifs dépassés",
        value: c.iBreached + c.rBreached,
        display: `${c.iBreached} interv. · ${c.rBreached} résol.`,
        previous: `${b.iBreached} interv. · ${b.rBreached} résol.`,
      },
      {
        id: "pending",
        label: "Objectifs en cours (hors taux)",
        value: c.iPending + c.rPending,
        display: `${c.iPending} interv. · ${c.rPending} résol.`,
      },
      {
        id: "iTime",
        label: "Délai d'intervention (médiane · 90e centile)",
        value: p.intervention.p50,
        display: `${formatMinutes(p.intervention.p50)} · ${formatMinutes(p.intervention.p90)}`,
        previous: `${formatMinutes(pPrev.intervention.p50)} · ${formatMinutes(pPrev.intervention.p90)}`,
      },
      {
        id: "rTime",
        label: "Délai de résolution (médiane · 90e centile)",
        value: p.resolution.p50,
        display: `${formatMinutes(p.resolution.p50)} · ${formatMinutes(p.resolution.p90)}`,
        previous: `${formatMinutes(pPrev.resolution.p50)} · ${formatMinutes(pPrev.resolution.p90)}`,
      },
      {
        id: "csat",
        label: "Satisfaction (taux de réponse)",
        value: csatAverage(c),
        display: `${csatAverage(c)?.toString().replace(".", ",") ?? "—"} / 5 (${pct(rate(c.csatAnswers, c.csatAsked))})`,
        previous: `${csatAverage(b)?.toString().replace(".", ",") ?? "—"} / 5 (${pct(rate(b.csatAnswers, b.csatAsked))})`,
      },
    ],
    charts,
    tables: [
      {
        id: "months",
        title: "Par mois",
        columns: [{ key: "month", title: "Mois" }, ...GROUP_COLUMNS],
        rows: monthRows.map((m) => ({ month: m.key, ...row(m) })),
        totals: { month: "Total", ...row(c) },
      },
      {
        id: "bodies",
        title: "Par organisme",
        columns: [{ key: "body", title: "Organisme" }, ...GROUP_COLUMNS],
        rows: byBody
          .map((r) => ({ body: bodyNames.get(r.key) ?? "—", ...row(r) }))
          .sort((x, y) => String(x.body).localeCompare(String(y.body), "fr")),
        totals: { body: "Total", ...row(c) },
      },
      {
        id: "statuses",
        title: "Tickets par statut",
        columns: [
          { key: "status", title: "Statut" },
          { key: "count", title: "Tickets", align: "right" },
        ],
        rows: STATUSES.map(([k, label]) => ({ status: label, count: statuses[k] ?? 0 })),
        totals: { status: "Total", count: c.tickets },
      },
    ],
    definitions: SLA_DEFINITIONS,
  };
}

const zero: Sums = {
  tickets: 0,
  iMet: 0,
  iBreached: 0,
  iPending: 0,
  rMet: 0,
  rBreached: 0,
  rPending: 0,
  csatAsked: 0,
  csatAnswers: 0,
  csatSum: 0,
};

async function filterLabels(db: Db, q: ReportQuery<SlaFilters>): Promise<[string, string][]> {
  const f = q.filters;
  const out: [string, string][] = [];
  if (q.bodyIds !== "all") {
    const n = await names(db, "Body", q.bodyIds);
    out.push(["Organisme", q.bodyIds.map((i) => n.get(i) ?? "—").join(", ")]);
  } else out.push(["Organisme", "Tous les partenaires"]);
  if (f.service) out.push(["Service", (await names(db, "Service", [f.service])).get(f.service) ?? "—"]);
  if (f.priority) out.push(["Priorité", PRIORITY_LABEL[f.priority]!]);
  if (f.channel) out.push(["Canal", CHANNEL_LABEL[f.channel]!]);
  if (f.technician)
    out.push([
      "Technicien",
      f.technician === NO_TECHNICIAN
        ? "Non assigné"
        : ((await names(db, "User", [f.technician])).get(f.technician) ?? "—"),
    ]);
  return out;
}

export const slaReport: ReportDefinition<SlaFilters> = {
  id: "sla",
  title: "Rapport SLA",
  agents: true,
  periods: ["month", "quarter", "year"],
  filters: slaFilters,
  filterFields: [
    { name: "body", label: "Organisme", options: "bodies" },
    { name: "service", label: "Service", options: "services" },
    {
      name: "priority",
      label: "Priorité",
      options: PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p]! })),
    },
    {
      name: "channel",
      label: "Canal",
      options: CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c]! })),
    },
    { name: "technician", label: "Technicien", options: "technicians", staffOnly: true },
  ],
  read: (db, _actor, q) => readSla(db, q),
  summary: kpiSummary(["iRate", "rRate", "tickets", "breaches"]),
};
