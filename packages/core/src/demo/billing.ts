// Demo billing: grids for the demo services (Pelehas with two versions), budget coding, a cost-sharing
// plan reproducing the Montpellier example (120 000 € over 2019–2021, communes and CCAS groups equal,
// provider 50 % / 80 %), a two-day training session dedicated to Saint-Aubin this year (billed per day),
// billable time on a few tickets, last year's issued statements (one paid, one corrected by a credit
// note); this year's drafts are computed live.
import type { Db, Prisma } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import {
  addBudgetCode,
  createGrid,
  createPlan,
  issueCreditNote,
  issueStatement,
  recordPayment,
  type GridInput,
} from "../billing/index.ts";
import { nextCounter } from "../shared/counter.ts";
import { dateOnly } from "../shared/dates.ts";
import { addDays, isoDate, isoWeekday, parseIsoDate } from "../sla/index.ts";
import { localDate, recordTrainingEvent, slotInstants } from "../training/index.ts";

const brackets = (a: number, b: number, c: number) => ({
  mode: "bracket" as const,
  brackets: [
    { upTo: 2000, priceCents: a },
    { upTo: 10000, priceCents: b },
    { upTo: null, priceCents: c },
  ],
});

export async function seedDemoBilling(db: Db, now: Date): Promise<void> {
  if (await db.priceGrid.findFirst({ select: { id: true } })) return;
  const manager = await db.user.findFirst({ where: { role: "manager", active: true } });
  if (!manager) return;
  const actor: Actor = {
    userId: manager.id,
    name: manager.name,
    role: "manager",
    bodyIds: [],
    activeBodyId: null,
  };
  const y = now.getUTCFullYear();
  const services = new Map(
    (await db.service.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]),
  );
  const rates = { technician: 6000, engineer: 8500, project_manager: 9500 };
  const base = (serviceId: string, label: string, validFrom: string, validTo: string | null): GridInput => ({
    serviceId,
    label,
    validFrom,
    validTo,
    subscription: { mode: "flat", priceCents: 150_000 },
    initialisationCents: 50_000,
    trainingDayCents: 65_000,
    trainingSessionCents: 40_000,
    trainingParticipantCents: 9_000,
    lateCancellationCents: 15_000,
    migration: { mode: "flat", priceCents: 80_000 },
    hourlyRates: rates,
  });
  const grids: GridInput[] = [];
  for (const [code, id] of services) {
    if (code === "PELEHAS") {
      grids.push({
        ...base(id, `Pelehas ${y - 4}`, `${y - 4}-01-01`, `${y - 1}-12-31`),
        subscription: brackets(90_000, 240_000, 480_000),
        initialisationCents: 120_000,
        migration: {
          mode: "bands",
          bands: [
            { upToRows: 10_000, priceCents: 60_000 },
            { upToRows: 100_000, priceCents: 150_000 },
            { upToRows: null, priceCents: 300_000 },
          ],
        },
      });
      grids.push({
        ...base(id, `Pelehas ${y}`, `${y}-01-01`, null),
        subscription: brackets(95_000, 250_000, 500_000),
        initialisationCents: 120_000,
        hourlyRates: { technician: 6_200, engineer: 8_800, project_manager: 9_800 },
      });
    } else if (code === "OPENDATA") {
      grids.push({
        ...base(id, "Open data (gratuit)", `${y - 6}-01-01`, null),
        free: true,
        subscription: { mode: "none" },
      });
    } else if (code === "CARTADS" || code === "SIGMA") {
      grids.push({
        ...base(id, `${code} — par habitant`, `${y - 6}-01-01`, null),
        subscription: { mode: "per_inhabitant", centsPerInhabitant: code === "SIGMA" ? 12 : 20 },
      });
    } else {
      grids.push(base(id, `${code} — forfait`, `${y - 6}-01-01`, null));
    }
  }
  for (const g of grids) await createGrid(db, actor, g);

  const kinds = ["subscription", "initialisation", "training", "migration", "time", "cost_sharing"] as const;
  const articles: Record<string, string> = {
    commune: "70875",
    ccas: "70878",
    cias: "70878",
    association: "7088",
    other: "7088",
  };
  for (const lineKind of kinds)
    for (const [bodyKind, article] of Object.entries(articles))
      await addBudgetCode(db, actor, {
        lineKind,
        bodyKind: bodyKind as "commune",
        fromYear: 2019,
        chapter: "70",
        article: lineKind === "cost_sharing" && bodyKind === "commune" ? "70876" : article,
        function: "020",
      });

  const members = await db.body.findMany({
    where: { kind: { in: ["commune", "ccas", "cias"] } },
    select: { id: true },
  });
  if (services.get("USINE-SITES"))
    await createPlan(db, actor, {
      name: "Usine à sites — coût global partagé 2019-2021",
      serviceId: services.get("USINE-SITES"),
      deliberationRef: "DEL-2018-0412",
      globalCostCents: 12_000_000,
      periodFrom: "2019-01-01",
      periodTo: "2021-12-31",
      populationYear: 2018,
      groupWeights: { commune: 1, ccas: 1 },
      providerRates: { commune: 50, ccas: 80 },
      memberIds: members.map((m) => m.id),
    });

  await seedDedicatedTraining(db, now);

  // Billable time on a few tickets of two communes, last year and this year.
  const bodies = await db.body.findMany({
    where: { legalName: { in: ["Commune de Saint-Aubin-des-Vignes", "Commune de Bellerive-sur-Orlène"] } },
    select: { id: true, legalName: true },
    orderBy: { legalName: "desc" },
  });
  const tech = await db.user.findFirst({ where: { role: "technician", active: true } });
  const entries: Prisma.TimeEntryCreateManyInput[] = [];
  for (const b of bodies)
    for (const year of [y - 1, y]) {
      const tickets = await db.ticket.findMany({
        where: {
          bodyId: b.id,
          receivedAt: {
            gte: new Date(`${year}-01-01`),
            lt: new Date(Math.min(now.getTime(), Date.parse(`${year}-12-01`))),
          },
        },
        select: { id: true, serviceId: true, receivedAt: true },
        orderBy: { receivedAt: "asc" },
        take: 2,
      });
      for (const [i, t] of tickets.entries())
        entries.push({
          ticketId: t.id,
          bodyId: b.id,
          serviceId: t.serviceId,
          userId: tech?.id ?? manager.id,
          userName: tech?.name ?? manager.name,
          workedOn: new Date(dateOnly(t.receivedAt)),
          minutes: i === 0 ? 210 : 90,
          profile: i === 0 ? "technician" : "engineer",
          billable: true,
          comment: i === 0 ? "Adaptation de l'export des dossiers" : "Paramétrage spécifique",
        });
    }
  if (entries.length) await db.timeEntry.createMany({ data: entries });

  // Last year's statements, issued in January: one paid, one corrected by a credit note.
  const issuedAt = new Date(`${y}-01-15T09:00:00Z`);
  const issueAt = issuedAt < now ? issuedAt : now;
  for (const [i, b] of bodies.entries()) {
    const s = await issueStatement(
      db,
      actor,
      { bodyId: b.id, from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
      [],
      issueAt,
    ).catch(() => null);
    if (!s) continue;
    if (i === 0)
      await recordPayment(db, actor, {
        statementId: s.id,
        amountCents: s.totalCents,
        paidOn: dateOnly(issueAt),
        reference: "Mandat n° 2841",
      });
    else if (s.totalCents > 10_000)
      await issueCreditNote(
        db,
        actor,
        {
          statementId: s.id,
          lineIndex: 0,
          amountCents: 10_000,
          reason: "Remise commerciale sur l'abonnement (erreur de tranche)",
        },
        issueAt,
      );
  }
}

/** The first working day (Europe/Paris) `offset` days from `now`, and the next one. */
function twoWorkdays(now: Date, offset: number): [string, string] {
  const next = (d: string) => {
    let x = addDays(parseIsoDate(d), 1);
    while (isoWeekday(x) > 5) x = addDays(x, 1);
    return isoDate(x);
  };
  let first = isoDate(addDays(parseIsoDate(localDate(now)), offset - 1));
  first = next(first);
  return [first, next(first)];
}

/**
 * A two-day session of « Initiation SIG-M@ » dedicated to Saint-Aubin this year: in two weeks when that
 * is still this year (open), else a month ago (held). Billing prices it at the grid's day price × 2.
 */
async function seedDedicatedTraining(db: Db, now: Date): Promise<void> {
  const [course, body, tech] = await Promise.all([
    db.trainingCourse.findFirst({ where: { title: "Initiation SIG-M@" }, select: { id: true } }),
    db.body.findFirst({ where: { legalName: "Commune de Saint-Aubin-des-Vignes" }, select: { id: true } }),
    db.user.findFirst({ where: { email: "tech@val-orlene.example" }, select: { id: true, name: true } }),
  ]);
  if (!course || !body || !tech) return;
  const y = localDate(now).slice(0, 4);
  const ahead = twoWorkdays(now, 14);
  const future = ahead[1].slice(0, 4) === y;
  const days = future ? ahead : twoWorkdays(now, -30);
  const slots = days.flatMap((date) => [
    slotInstants({ date, start: "09:00", end: "12:30" }),
    slotInstants({ date, start: "13:30", end: "17:00" }),
  ]);
  await db.$transaction(async (tx) => {
    const n = await nextCounter(tx, `training-${y}`);
    const session = await tx.trainingSession.create({
      data: {
        number: `FORM-${y}-${String(n).padStart(4, "0")}`,
        courseId: course.id,
        status: future ? "open" : "held",
        address: "Mairie de Saint-Aubin-des-Vignes, salle du conseil",
        room: "Salle du conseil",
        trainerId: tech.id,
        capacity: 8,
        registrationDeadline: new Date(+slots[0]!.startsAt - 2 * 86_400_000),
        dedicatedBodyId: body.id,
        startsAt: slots[0]!.startsAt,
        endsAt: slots.at(-1)!.endsAt,
        slots: {
          create: slots.map((s, i) => ({
            ...s,
            checkInCode: `SA${i}K7Q`,
            signedAt: future ? null : new Date(+s.endsAt + 10 * 60_000),
            signedById: future ? null : tech.id,
            signedByName: future ? null : tech.name,
          })),
        },
      },
    });
    // Its history starts like every session's: opened by the technician three weeks before it starts.
    await recordTrainingEvent(tx, {
      sessionId: session.id,
      kind: "opened",
      actor: { userId: tech.id, name: tech.name, role: "technician", bodyIds: [], activeBodyId: null },
      at: new Date(+slots[0]!.startsAt - 21 * 86_400_000),
    });
  });
}
