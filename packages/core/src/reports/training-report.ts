// The training report: sessions held and cancelled, fill rate, attendance per half-day, satisfaction
// per course and trainer, and training days consumed against the days the conventions include.
// Sessions count in the month they start (Europe/Paris). A partner agent's report is limited to the
// people of their bodies (registrations, attendance, answers) and to their bodies' conventions.
import { z } from "zod";
import { Prisma, type Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { trainingConsumption } from "../training/index.ts";
import {
  kpiSummary,
  type ChartSpec,
  type ReportData,
  type ReportDefinition,
  type ReportQuery,
} from "./definition.ts";
import { bodyFilterLabel, names } from "./names.ts";
import { monthsOf, periodLabel, previousPeriod, rate, type Period } from "./rules.ts";

const id = z.uuid({ message: "report_unknown" }).optional();
export const trainingFilters = z.object({ body: id, service: id });
export type TrainingFilters = z.infer<typeof trainingFilters>;

const QUESTIONS = ["content", "trainer", "organisation", "usefulness"] as const;

/** Sessions of the period (and the service filter), as a WHERE on "TrainingSession" s / course c. */
function sessionWhere(q: ReportQuery<TrainingFilters>, period: Period): Prisma.Sql {
  const parts = [Prisma.sql`s."startsAt" >= ${period.start} AND s."startsAt" < ${period.end}`];
  if (q.filters.service) parts.push(Prisma.sql`c."serviceId" = ${q.filters.service}::uuid`);
  if (q.bodyIds !== "all")
    parts.push(Prisma.sql`(s."dedicatedBodyId" IS NULL OR s."dedicatedBodyId" = ANY(${q.bodyIds}::uuid[]))`);
  return Prisma.join(parts, " AND ");
}

/** Registrations counted: all, or those of the bodies the report is limited to. */
function regBodies(q: ReportQuery<TrainingFilters>): Prisma.Sql {
  return q.bodyIds === "all" ? Prisma.sql`TRUE` : Prisma.sql`r."bodyId" = ANY(${q.bodyIds}::uuid[])`;
}

interface Counts {
  held: number;
  cancelled: number;
  upcoming: number;
  seats: number;
  confirmed: number;
  waitlisted: number;
}

async function counts(db: Db, q: ReportQuery<TrainingFilters>, period: Period, now: Date, byMonth = false) {
  const key = byMonth
    ? Prisma.sql`to_char(s."startsAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM')`
    : Prisma.sql`''`;
  return db.$queryRaw<(Counts & { key: string })[]>`
    SELECT ${key} AS "key",
      count(*) FILTER (WHERE s."status" <> 'cancelled' AND (s."status" = 'held' OR s."endsAt" <= ${now}))::int AS "held",
      count(*) FILTER (WHERE s."status" = 'cancelled')::int AS "cancelled",
      count(*) FILTER (WHERE s."status" <> 'cancelled' AND s."status" <> 'held' AND s."endsAt" > ${now})::int AS "upcoming",
      COALESCE(sum(s."capacity") FILTER (WHERE s."status" <> 'cancelled'), 0)::int AS "seats",
      COALESCE(sum((SELECT count(*) FROM "TrainingRegistration" r
        WHERE r."sessionId" = s."id" AND r."status" = 'confirmed' AND ${regBodies(q)}))
        FILTER (WHERE s."status" <> 'cancelled'), 0)::int AS "confirmed",
      COALESCE(sum((SELECT count(*) FROM "TrainingRegistration" r
        WHERE r."sessionId" = s."id" AND r."status" = 'waitlisted' AND ${regBodies(q)}))
        FILTER (WHERE s."status" <> 'cancelled'), 0)::int AS "waitlisted"
    FROM "TrainingSession" s JOIN "TrainingCourse" c ON c."id" = s."courseId"
    WHERE ${sessionWhere(q, period)}
    GROUP BY 1 ORDER BY 1`;
}

async function attendance(db: Db, q: ReportQuery<TrainingFilters>, period: Period) {
  return db.$queryRaw<{ key: string; present: number; absent: number; excused: number }[]>`
    SELECT to_char(sl."startsAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI') || ' — ' || c."title" AS "key",
      count(*) FILTER (WHERE a."status" = 'present')::int AS "present",
      count(*) FILTER (WHERE a."status" = 'absent')::int AS "absent",
      count(*) FILTER (WHERE a."status" = 'excused')::int AS "excused"
    FROM "TrainingAttendance" a
    JOIN "TrainingSlot" sl ON sl."id" = a."slotId"
    JOIN "TrainingSession" s ON s."id" = sl."sessionId"
    JOIN "TrainingCourse" c ON c."id" = s."courseId"
    JOIN "TrainingRegistration" r ON r."id" = a."registrationId"
    WHERE ${sessionWhere(q, period)} AND ${regBodies(q)}
    GROUP BY sl."startsAt", c."title" ORDER BY sl."startsAt", c."title"
    LIMIT 200`;
}

type Satisfaction = { key: string; label: string; answers: number } & Record<
  (typeof QUESTIONS)[number],
  number | null
>;

async function satisfaction(
  db: Db,
  q: ReportQuery<TrainingFilters>,
  period: Period,
  by: "course" | "trainer",
) {
  const key =
    by === "course" ? Prisma.sql`c."id"::text` : Prisma.sql`COALESCE(s."trainerId"::text, s."trainerName")`;
  const label = by === "course" ? Prisma.sql`min(c."title")` : Prisma.sql`min(s."trainerName")`;
  const avg = (k: string) =>
    Prisma.sql`round(avg((x."ratings"->>${k})::numeric), 1)::float8 AS ${Prisma.raw(`"${k}"`)}`;
  return db.$queryRaw<Satisfaction[]>`
    SELECT ${key} AS "key", ${label} AS "label", count(*)::int AS "answers",
      ${Prisma.join(QUESTIONS.map(avg), ", ")}
    FROM "TrainingSurveyAnswer" x
    JOIN "TrainingRegistration" r ON r."id" = x."registrationId"
    JOIN "TrainingSession" s ON s."id" = r."sessionId"
    JOIN "TrainingCourse" c ON c."id" = s."courseId"
    WHERE ${sessionWhere(q, period)} AND ${regBodies(q)}
    GROUP BY 1 ORDER BY 2`;
}

const overall = (s: Satisfaction) => {
  const v = QUESTIONS.map((k) => s[k]).filter((x): x is number => typeof x === "number");
  return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10 : null;
};
const fr1 = (n: number | null, unit = "") =>
  n === null ? "—" : `${n.toLocaleString("fr-FR", { maximumFractionDigits: 1 })}${unit}`;

export const TRAINING_DEFINITIONS = [
  "Une session compte dans le mois où elle commence (heure de Paris). Elle est « tenue » quand elle est terminée sans avoir été annulée, « annulée » quand elle l'a été, « à venir » sinon.",
  "Taux de remplissage = inscriptions confirmées ÷ places offertes, sur les sessions non annulées de la période. Les personnes en liste d'attente sont comptées à part.",
  "Taux de présence = demi-journées où la personne était présente ÷ demi-journées pointées (présent, absent, excusé), sur les feuilles d'émargement de la période.",
  "Satisfaction : moyenne des notes (1 à 5) du questionnaire de fin de formation — contenu, formateur, organisation, utilité — par cours et par formateur ; la note globale est la moyenne des quatre.",
  "Jours consommés : jours des sessions dédiées à l'organisme et jours de participation de ses agents aux sessions ouvertes, sur la durée de la convention, rapprochés des jours de formation inclus dans la convention en vigueur aujourd'hui.",
  "Un agent partenaire ne voit que les inscriptions, présences et réponses des personnes de ses organismes, et les conventions de ses organismes.",
];

async function readTraining(
  db: Db,
  actor: Actor,
  q: ReportQuery<TrainingFilters>,
  now: Date,
): Promise<ReportData> {
  const period = q.period;
  const prev = previousPeriod(period);
  const [[cur], [before], byMonth, presence, byCourse, byTrainer, consumption] = await Promise.all([
    counts(db, q, period, now),
    counts(db, q, prev, now),
    counts(db, q, period, now, true),
    attendance(db, q, period),
    satisfaction(db, q, period, "course"),
    satisfaction(db, q, period, "trainer"),
    trainingConsumption(
      db,
      actor,
      q.bodyIds !== "all" && q.bodyIds.length === 1 ? { bodyId: q.bodyIds[0] } : {},
      now,
    ),
  ]);
  const zero: Counts = { held: 0, cancelled: 0, upcoming: 0, seats: 0, confirmed: 0, waitlisted: 0 };
  const c = cur ?? { ...zero, key: "" };
  const b = before ?? { ...zero, key: "" };
  const present = presence.reduce((a, r) => a + r.present, 0);
  const marked = presence.reduce((a, r) => a + r.present + r.absent + r.excused, 0);
  const fill = rate(c.confirmed, c.seats);
  const allAnswers = byCourse.reduce((a, r) => a + r.answers, 0);
  const weighted = byCourse.reduce((a, r) => a + (overall(r) ?? 0) * r.answers, 0);
  const score = allAnswers ? Math.round((weighted / allAnswers) * 10) / 10 : null;
  const rows = consumption.filter(
    (r) =>
      (q.bodyIds === "all" || q.bodyIds.includes(r.bodyId)) &&
      (!q.filters.service || r.serviceId === q.filters.service),
  );
  const bodyNames = await names(
    db,
    "Body",
    rows.map((r) => r.bodyId),
  );
  const months = monthsOf(period);
  const monthRow = (m: string) => byMonth.find((r) => r.key === m) ?? { ...zero, key: m };
  const filtersUsed: [string, string][] = [await bodyFilterLabel(db, q.bodyIds)];
  if (q.filters.service)
    filtersUsed.push([
      "Service",
      (await names(db, "Service", [q.filters.service])).get(q.filters.service) ?? "—",
    ]);
  const charts: ChartSpec[] = [
    {
      id: "sessions",
      title: "Sessions par mois",
      description: "Nombre de sessions tenues, annulées et à venir, par mois de début.",
      kind: "bar",
      data: months.flatMap((m) => {
        const r = monthRow(m);
        return [
          { x: m, y: r.held, series: "Tenues" },
          { x: m, y: r.cancelled, series: "Annulées" },
          { x: m, y: r.upcoming, series: "À venir" },
        ];
      }),
      xLabel: "Mois",
      yLabel: "Sessions",
    },
    {
      id: "fill",
      title: "Taux de remplissage par mois",
      description: "Inscriptions confirmées rapportées aux places offertes, par mois de début des sessions.",
      kind: "line",
      data: months.flatMap((m) => {
        const r = monthRow(m);
        const v = rate(r.confirmed, r.seats);
        return v === null ? [] : [{ x: m, y: v, series: "Remplissage" }];
      }),
      xLabel: "Mois",
      yLabel: "Places occupées (%)",
      yDomain: [0, 100],
    },
    {
      id: "satisfaction",
      title: "Satisfaction par cours",
      description: "Note globale moyenne (sur 5) du questionnaire de fin de formation, par cours.",
      kind: "bar",
      data: byCourse.flatMap((r) => (overall(r) === null ? [] : [{ x: r.label, y: overall(r)! }])),
      xLabel: "Cours",
      yLabel: "Note moyenne (/5)",
      yDomain: [0, 5],
    },
  ];
  const satisfactionColumns = (first: string) => [
    { key: "label", title: first },
    { key: "answers", title: "Réponses", align: "right" as const },
    { key: "content", title: "Contenu", align: "right" as const },
    { key: "trainer", title: "Formateur", align: "right" as const },
    { key: "organisation", title: "Organisation", align: "right" as const },
    { key: "usefulness", title: "Utilité", align: "right" as const },
    { key: "overall", title: "Note globale (/5)", align: "right" as const },
  ];
  const satisfactionRow = (r: Satisfaction) => ({
    label: r.label,
    answers: r.answers,
    content: r.content,
    trainer: r.trainer,
    organisation: r.organisation,
    usefulness: r.usefulness,
    overall: overall(r),
  });
  return {
    reportId: "training",
    title: "Rapport formation",
    period,
    periodLabel: periodLabel(period),
    previousLabel: periodLabel(prev),
    filtersUsed,
    kpis: [
      {
        id: "held",
        label: "Sessions tenues",
        value: c.held,
        display: String(c.held),
        previous: String(b.held),
      },
      {
        id: "cancelled",
        label: "Sessions annulées",
        value: c.cancelled,
        display: String(c.cancelled),
        previous: String(b.cancelled),
      },
      {
        id: "fill",
        label: "Taux de remplissage",
        value: fill,
        display: fr1(fill, " %"),
        previous: fr1(rate(b.confirmed, b.seats), " %"),
      },
      {
        id: "attendance",
        label: "Taux de présence",
        value: rate(present, marked),
        display: fr1(rate(present, marked), " %"),
      },
      { id: "satisfaction", label: "Satisfaction", value: score, display: fr1(score, " / 5") },
      {
        id: "waitlisted",
        label: "En liste d'attente",
        value: c.waitlisted,
        display: String(c.waitlisted),
      },
    ],
    charts,
    tables: [
      {
        id: "months",
        title: "Par mois",
        columns: [
          { key: "month", title: "Mois" },
          { key: "held", title: "Tenues", align: "right" },
          { key: "cancelled", title: "Annulées", align: "right" },
          { key: "upcoming", title: "À venir", align: "right" },
          { key: "seats", title: "Places", align: "right" },
          { key: "confirmed", title: "Inscrits", align: "right" },
          { key: "fill", title: "Remplissage (%)", align: "right" },
        ],
        rows: months.map((m) => {
          const r = monthRow(m);
          return { month: m, ...pick(r), fill: rate(r.confirmed, r.seats) };
        }),
        totals: { month: "Total", ...pick(c), fill },
      },
      {
        id: "attendance",
        title: "Présence par demi-journée",
        columns: [
          { key: "slot", title: "Demi-journée" },
          { key: "present", title: "Présents", align: "right" },
          { key: "absent", title: "Absents", align: "right" },
          { key: "excused", title: "Excusés", align: "right" },
          { key: "rate", title: "Présence (%)", align: "right" },
        ],
        rows: presence.map((r) => ({
          slot: r.key,
          present: r.present,
          absent: r.absent,
          excused: r.excused,
          rate: rate(r.present, r.present + r.absent + r.excused),
        })),
      },
      {
        id: "courses",
        title: "Satisfaction par cours",
        columns: satisfactionColumns("Cours"),
        rows: byCourse.map(satisfactionRow),
      },
      {
        id: "trainers",
        title: "Satisfaction par formateur",
        columns: satisfactionColumns("Formateur"),
        rows: byTrainer.map(satisfactionRow),
      },
      {
        id: "days",
        title: "Jours de formation consommés",
        columns: [
          { key: "body", title: "Organisme" },
          { key: "convention", title: "Convention" },
          { key: "service", title: "Service" },
          { key: "included", title: "Inclus", align: "right" },
          { key: "consumed", title: "Consommés", align: "right" },
          { key: "remaining", title: "Restants", align: "right" },
        ],
        rows: rows
          .map((r) => ({
            body: bodyNames.get(r.bodyId) ?? "—",
            convention: r.conventionNumber,
            service: r.serviceName,
            included: r.included,
            consumed: r.consumed,
            remaining: r.remaining,
          }))
          .sort((x, y) => x.body.localeCompare(y.body, "fr") || x.convention.localeCompare(y.convention)),
      },
    ],
    definitions: TRAINING_DEFINITIONS,
  };
}

function pick(r: Counts) {
  return {
    held: r.held,
    cancelled: r.cancelled,
    upcoming: r.upcoming,
    seats: r.seats,
    confirmed: r.confirmed,
  };
}

export const trainingReport: ReportDefinition<TrainingFilters> = {
  id: "training",
  title: "Rapport formation",
  agents: true,
  periods: ["month", "quarter", "year"],
  filters: trainingFilters,
  filterFields: [
    { name: "body", label: "Organisme", options: "bodies" },
    { name: "service", label: "Service", options: "services" },
  ],
  read: readTraining,
  summary: kpiSummary(["held", "cancelled", "fill", "satisfaction"]),
};
