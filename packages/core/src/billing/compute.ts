// A body's statement for a period, computed from the data (the draft): subscriptions (prorata),
// initialisation (or its waiver), activities other domains report, billable time, cost-sharing
// shares net of the provider's participation. Every line carries its bases and its source.
import type { Db, Prisma } from "@mutuo/db";
import type { BillableActivity, BillableActivityReader } from "../shared/billable.ts";
import { dateOnly, fromDateOnly } from "../shared/dates.ts";
import { notFound } from "../errors/index.ts";
import {
  annualSubscription,
  BillingRuleError,
  codingFor,
  daysIn,
  durationText,
  eurosText,
  frenchDate,
  gridOn,
  gridPeriod,
  intersect,
  intText,
  priceActivity,
  PROFILE_LABELS,
  prorataDays,
  sharePlan,
  sharingGroupOf,
  splitByYear,
  timeAmount,
  yearPeriod,
  type BudgetCodeRule,
  type BudgetCoding,
  type Grid,
  type LineKind,
  type Period,
  type TimeProfile,
} from "./rules.ts";

export type StatementLine = {
  kind: LineKind;
  label: string;
  serviceId: string | null;
  serviceName: string | null;
  quantity: number;
  unit: string;
  unitPriceCents: number;
  /** Before the provider's participation. */
  grossCents: number;
  providerCents: number;
  /** Due by the body: gross − provider. */
  amountCents: number;
  /** How the amount is computed, in French, one basis per item (grid, quantity, prorata, subsidy…). */
  basis: string[];
  grid: { id: string; label: string; validFrom: string } | null;
  coding: BudgetCoding | null;
  source: { type: string; id: string; ref: string; href: string | null };
};

export type StatementSnapshot = {
  body: {
    id: string;
    legalName: string;
    kind: string;
    siret: string | null;
    address: string;
    communeName: string | null;
    population: number | null;
    populationYear: number | null;
    invoicingRequirement: string;
    invoicingServiceCode: string | null;
    commitmentNumber: string | null;
  };
  provider: { legalName: string; siret: string | null; address: string };
  period: Period;
  /** The body's conventions in the period, with the « déjà utilisateur » waiver recorded on each. */
  conventions?: { id: string; number: string; initialisationWaived: boolean }[];
  lines: StatementLine[];
  totals: { grossCents: number; providerCents: number; amountCents: number };
};

export function gridFromRow(g: {
  id: string;
  serviceId: string;
  validFrom: Date;
  validTo: Date | null;
  free: boolean;
  subscription: Prisma.JsonValue;
  initialisationCents: number;
  trainingDayCents: number;
  trainingSessionCents: number;
  trainingParticipantCents: number;
  lateCancellationCents: number;
  migration: Prisma.JsonValue;
  hourlyRates: Prisma.JsonValue;
}): Grid {
  return {
    id: g.id,
    serviceId: g.serviceId,
    validFrom: dateOnly(g.validFrom),
    validTo: g.validTo ? dateOnly(g.validTo) : null,
    free: g.free,
    subscription: g.subscription as Grid["subscription"],
    initialisationCents: g.initialisationCents,
    training: {
      perDayCents: g.trainingDayCents,
      perSessionCents: g.trainingSessionCents,
      perParticipantCents: g.trainingParticipantCents,
    },
    lateCancellationCents: g.lateCancellationCents,
    migration: g.migration as Grid["migration"],
    hourlyRates: g.hourlyRates as Grid["hourlyRates"],
  };
}

const addressOf = (b: { addressLine: string | null; postalCode: string | null; city: string | null }) =>
  [b.addressLine, [b.postalCode, b.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");

const bodySelect = {
  id: true,
  legalName: true,
  kind: true,
  siret: true,
  addressLine: true,
  postalCode: true,
  city: true,
  population: true,
  populationYear: true,
  communeId: true,
  invoicingRequirement: true,
  invoicingServiceCode: true,
  commitmentNumber: true,
  commune: { select: { legalName: true, population: true, populationYear: true } },
} as const;

/** The population pricing uses for a body: its own (a commune), else its commune's (a CCAS/CIAS). */
export function pricingPopulation(b: {
  kind: string;
  population: number | null;
  populationYear: number | null;
  commune: { legalName: string; population: number | null; populationYear: number | null } | null;
}): { population: number | null; year: number | null; via: string | null } {
  if (b.commune && b.kind !== "commune")
    return { population: b.commune.population, year: b.commune.populationYear, via: b.commune.legalName };
  return { population: b.population, year: b.populationYear, via: null };
}

export async function computeStatement(
  db: Db,
  bodyId: string,
  period: Period,
  readers: BillableActivityReader[],
): Promise<StatementSnapshot> {
  const body = await db.body.findUnique({ where: { id: bodyId }, select: bodySelect });
  if (!body || body.kind === "provider") throw notFound("body");
  const provider = await db.body.findFirst({ where: { kind: "provider" }, select: bodySelect });
  const from = fromDateOnly(period.from);
  const to = fromDateOnly(period.to);
  const conventions = await db.convention.findMany({
    where: {
      signatoryBodyId: bodyId,
      status: { not: "draft" },
      startDate: { lte: to },
      OR: [{ endDate: null }, { endDate: { gte: from } }],
    },
    include: {
      commune: { select: { legalName: true, population: true, populationYear: true } },
      versions: {
        where: { signedAt: { not: null } },
        select: { termSets: { select: { serviceId: true } } },
      },
    },
    orderBy: [{ startDate: "asc" }, { number: "asc" }],
  });
  const entries = await db.timeEntry.findMany({
    where: { bodyId, billable: true, workedOn: { gte: from, lte: to } },
    orderBy: [{ workedOn: "asc" }, { id: "asc" }],
  });
  const activities: BillableActivity[] = [];
  for (const read of readers)
    activities.push(...(await read(db, { bodyIds: [bodyId], from: period.from, to: period.to })));
  const serviceIds = new Set<string>();
  for (const c of conventions)
    for (const v of c.versions) for (const t of v.termSets) serviceIds.add(t.serviceId);
  for (const e of entries) serviceIds.add(e.serviceId);
  for (const a of activities) serviceIds.add(a.serviceId);
  const jobIds = [...new Set(entries.flatMap((e) => (e.migrationJobId ? [e.migrationJobId] : [])))];
  const jobs = jobIds.length
    ? await db.migrationJob.findMany({
        where: { id: { in: jobIds } },
        select: { id: true, number: true, title: true },
      })
    : [];
  const [services, gridRows, codeRows, tickets, memberships] = await Promise.all([
    db.service.findMany({ where: { id: { in: [...serviceIds] } }, select: { id: true, name: true } }),
    db.priceGrid.findMany({ where: { serviceId: { in: [...serviceIds] } } }),
    db.budgetCode.findMany(),
    db.ticket.findMany({
      where: { id: { in: [...new Set(entries.flatMap((e) => (e.ticketId ? [e.ticketId] : [])))] } },
      select: { id: true, number: true, subject: true },
    }),
    db.costSharingMember.findMany({
      where: { bodyId, plan: { periodFrom: { lte: to }, periodTo: { gte: from } } },
      select: { plan: { include: { members: { select: { bodyId: true } } } } },
    }),
  ]);
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  const grids = gridRows.map(gridFromRow);
  const gridLabel = new Map(gridRows.map((g) => [g.id, g.label]));
  const codes = codeRows.map((c): BudgetCodeRule => ({ ...c, lineKind: c.lineKind as LineKind }));
  const lines: StatementLine[] = [];
  const code = (serviceId: string | null, lineKind: LineKind, on: string) =>
    codingFor(codes, { serviceId, lineKind, bodyKind: body.kind, year: Number(on.slice(0, 4)) });
  const gridRef = (g: Grid) => ({ id: g.id, label: gridLabel.get(g.id) ?? "", validFrom: g.validFrom });
  const gridBasis = (g: Grid) =>
    `Grille « ${gridLabel.get(g.id) ?? ""} » en vigueur depuis le ${frenchDate(g.validFrom)}`;

  // Subscriptions and initialisation, per convention and service.
  for (const c of conventions) {
    const end = [c.endDate, c.terminatedOn, c.noticeEffectiveOn]
      .filter((d): d is Date => d !== null)
      .map(dateOnly)
      .sort()[0];
    const coverage = intersect(period, { from: dateOnly(c.startDate), to: end ?? "9999-12-31" });
    const svc = [...new Set(c.versions.flatMap((v) => v.termSets.map((t) => t.serviceId)))].sort();
    const pop = pricingPopulation({
      kind: body.kind,
      population: body.population,
      populationYear: body.populationYear,
      commune: c.commune,
    });
    const source = { type: "convention", id: c.id, ref: c.number, href: `/conventions/${c.id}` };
    for (const serviceId of svc) {
      const name = serviceName.get(serviceId) ?? "";
      for (const { year, period: seg } of coverage ? splitByYear(coverage) : []) {
        for (const g of grids.filter((x) => x.serviceId === serviceId)) {
          const part = intersect(seg, gridPeriod(g));
          if (!part) continue;
          const basis = [gridBasis(g)];
          let annual: ReturnType<typeof annualSubscription> = null;
          if (g.free) basis.push("Service gratuit");
          else
            try {
              annual = annualSubscription(g.subscription, pop.population);
            } catch (e) {
              if (!(e instanceof BillingRuleError)) throw e;
              basis.push("Population inconnue : abonnement non calculé");
            }
          if (!g.free && !annual && basis.length === 1) continue;
          if (annual) {
            basis.push(
              pop.via
                ? `Population de la commune (${pop.via}, ${pop.year ?? "année inconnue"}) : ${annual.basis}`
                : `Population ${pop.year ? `(${pop.year}) ` : ""}: ${annual.basis}`,
            );
          }
          const whole = daysIn(yearPeriod(year));
          const days = daysIn(part);
          const amount = annual ? prorataDays(annual.amountCents, yearPeriod(year), part) : 0;
          if (annual && days < whole)
            basis.push(
              `Prorata : ${days} jours sur ${whole} (du ${frenchDate(part.from)} au ${frenchDate(part.to)})`,
            );
          const coding = code(serviceId, "subscription", part.from);
          lines.push({
            kind: "subscription",
            label: `Abonnement ${year} — ${name}`,
            serviceId,
            serviceName: name,
            quantity: Math.round((days / whole) * 10000) / 10000,
            unit: "an",
            unitPriceCents: annual?.amountCents ?? 0,
            grossCents: amount,
            providerCents: 0,
            amountCents: amount,
            basis,
            grid: gridRef(g),
            coding,
            source,
          });
        }
      }
      const start = dateOnly(c.startDate);
      if (start < period.from || start > period.to) continue;
      const g = gridOn(grids, serviceId, start);
      if (!g || g.free || g.initialisationCents === 0) continue;
      const amount = c.initialisationWaived ? 0 : g.initialisationCents;
      lines.push({
        kind: "initialisation",
        label: `Mise en service — ${name}`,
        serviceId,
        serviceName: name,
        quantity: 1,
        unit: "forfait",
        unitPriceCents: g.initialisationCents,
        grossCents: amount,
        providerCents: 0,
        amountCents: amount,
        basis: [
          gridBasis(g),
          c.initialisationWaived
            ? `Exonérée : déjà utilisateur (frais de ${eurosText(g.initialisationCents)} non dus, convention ${c.number})`
            : `Frais de mise en service ${eurosText(g.initialisationCents)} (adhésion du ${frenchDate(start)})`,
        ],
        grid: gridRef(g),
        coding: code(serviceId, "initialisation", start),
        source,
      });
    }
  }

  // Activities reported by other domains (trainings, migrations).
  for (const a of [...activities].sort((x, y) => x.occurredOn.localeCompare(y.occurredOn))) {
    const g = gridOn(grids, a.serviceId, a.occurredOn);
    const kind: LineKind = a.kind === "migration_job" ? "migration" : "training";
    const priced = g ? priceActivity(g, a) : null;
    lines.push({
      kind,
      label: a.label,
      serviceId: a.serviceId,
      serviceName: serviceName.get(a.serviceId) ?? null,
      quantity: a.quantity,
      unit: a.unit,
      unitPriceCents: priced?.unitPriceCents ?? 0,
      grossCents: priced?.amountCents ?? 0,
      providerCents: 0,
      amountCents: priced?.amountCents ?? 0,
      basis: g
        ? [gridBasis(g), `${priced!.basis} (le ${frenchDate(a.occurredOn)})`]
        : [`Aucune grille en vigueur le ${frenchDate(a.occurredOn)} : non facturé`],
      grid: g ? gridRef(g) : null,
      coding: code(a.serviceId, kind, a.occurredOn),
      source: {
        ...a.source,
        href: a.source.type === "migration_job" ? `/reprises/${a.source.id}` : `/formations/${a.source.id}`,
      },
    });
  }

  // Billable time, per ticket or data-migration job, profile and grid version.
  const ticketOf = new Map(tickets.map((t) => [t.id, t]));
  const jobOf = new Map(jobs.map((j) => [j.id, j]));
  const groups = new Map<
    string,
    {
      ticketId: string | null;
      jobId: string | null;
      serviceId: string;
      profile: TimeProfile;
      grid: Grid | null;
      minutes: number;
      days: string[];
    }
  >();
  for (const e of entries) {
    const on = dateOnly(e.workedOn);
    const g = gridOn(grids, e.serviceId, on);
    const key = `${e.ticketId ?? `job:${e.migrationJobId}`}|${e.profile}|${g?.id ?? "-"}`;
    const grp = groups.get(key) ?? {
      ticketId: e.ticketId,
      jobId: e.migrationJobId,
      serviceId: e.serviceId,
      profile: e.profile,
      grid: g,
      minutes: 0,
      days: [],
    };
    grp.minutes += e.minutes;
    grp.days.push(on);
    groups.set(key, grp);
  }
  for (const grp of groups.values()) {
    const t = grp.ticketId ? ticketOf.get(grp.ticketId) : undefined;
    const job = grp.jobId ? jobOf.get(grp.jobId) : undefined;
    const rate = grp.grid?.hourlyRates[grp.profile] ?? 0;
    const amount = grp.grid && !grp.grid.free ? timeAmount(grp.minutes, rate) : 0;
    const profile = PROFILE_LABELS[grp.profile];
    lines.push({
      kind: "time",
      label: grp.jobId
        ? `Adaptation spécifique — reprise de données ${job?.number ?? ""} ${job?.title ?? ""}`.trim()
        : `Adaptation spécifique — ${t?.number ?? ""} ${t?.subject ?? ""}`.trim(),
      serviceId: grp.serviceId,
      serviceName: serviceName.get(grp.serviceId) ?? null,
      quantity: Math.round((grp.minutes / 60) * 100) / 100,
      unit: "heure",
      unitPriceCents: rate,
      grossCents: amount,
      providerCents: 0,
      amountCents: amount,
      basis: grp.grid
        ? [
            gridBasis(grp.grid),
            `${durationText(grp.minutes)} (${profile}) × ${eurosText(rate)} de l'heure (bordereau des prix)`,
            `Temps saisi du ${frenchDate(grp.days[0]!)} au ${frenchDate(grp.days.at(-1)!)}${grp.jobId ? ` sur la reprise de données ${job?.number ?? ""}` : ""}`,
          ]
        : ["Aucune grille en vigueur : temps non facturé"],
      grid: grp.grid ? gridRef(grp.grid) : null,
      coding: code(grp.serviceId, "time", grp.days[0]!),
      source: grp.jobId
        ? {
            type: "migration_job",
            id: grp.jobId,
            ref: job?.number ?? "",
            href: `/reprises/${grp.jobId}#temps`,
          }
        : { type: "ticket", id: grp.ticketId!, ref: t?.number ?? "", href: `/tickets/${grp.ticketId}#temps` },
    });
  }

  // Cost-sharing plans the body is part of.
  for (const { plan } of memberships) {
    const memberBodies = await db.body.findMany({
      where: { id: { in: plan.members.map((m) => m.bodyId) } },
      select: bodySelect,
    });
    const shares = sharePlan({
      globalCostCents: plan.globalCostCents,
      groupWeights: plan.groupWeights as Record<string, number> | null,
      providerRates: plan.providerRates as Record<string, number>,
      members: memberBodies.map((b) => ({
        key: b.id,
        group: sharingGroupOf(b.kind),
        population: pricingPopulation(b).population ?? 0,
      })),
    });
    const mine = shares.members.find((m) => m.key === bodyId)!;
    const planPeriod = { from: dateOnly(plan.periodFrom), to: dateOnly(plan.periodTo) };
    const billed = intersect(period, planPeriod)!;
    const gross = prorataDays(mine.shareCents, planPeriod, billed);
    const providerPart = prorataDays(mine.providerCents, planPeriod, billed);
    const pop = pricingPopulation(body);
    const groupWord =
      mine.group === "commune" ? "communes" : mine.group === "ccas" ? "CCAS/CIAS" : mine.group;
    const basis = [
      `Coût global ${eurosText(plan.globalCostCents)} du ${frenchDate(planPeriod.from)} au ${frenchDate(planPeriod.to)}${plan.deliberationRef ? ` (délibération ${plan.deliberationRef})` : ""}`,
      ...(plan.groupWeights ? [`Part du groupe ${groupWord} : ${eurosText(mine.poolCents)}`] : []),
      `Population ${pop.via ? `de la commune (${pop.via}) ` : ""}${intText(mine.population)} habitants (référence ${plan.populationYear}) sur ${intText(mine.poolPopulation)} : part ${eurosText(mine.shareCents)} sur la période`,
      `Participation du prestataire ${String(mine.rate).replace(".", ",")} % : ${eurosText(mine.providerCents)} sur la période`,
      ...(daysIn(billed) < daysIn(planPeriod)
        ? [
            `Période facturée : ${daysIn(billed)} jours sur ${daysIn(planPeriod)} (du ${frenchDate(billed.from)} au ${frenchDate(billed.to)})`,
          ]
        : []),
    ];
    lines.push({
      kind: "cost_sharing",
      label: `Coût partagé — ${plan.name}`,
      serviceId: plan.serviceId,
      serviceName: plan.serviceId ? (serviceName.get(plan.serviceId) ?? null) : null,
      quantity: mine.population,
      unit: "habitant",
      unitPriceCents: 0,
      grossCents: gross,
      providerCents: providerPart,
      amountCents: gross - providerPart,
      basis,
      grid: null,
      coding: code(plan.serviceId, "cost_sharing", billed.from),
      source: { type: "plan", id: plan.id, ref: plan.name, href: `/facturation/plans/${plan.id}` },
    });
  }

  const sum = (f: (l: StatementLine) => number) => lines.reduce((a, l) => a + f(l), 0);
  const pop = pricingPopulation(body);
  return {
    body: {
      id: body.id,
      legalName: body.legalName,
      kind: body.kind,
      siret: body.siret,
      address: addressOf(body),
      communeName: body.commune?.legalName ?? null,
      population: pop.population,
      populationYear: pop.year,
      invoicingRequirement: body.invoicingRequirement,
      invoicingServiceCode: body.invoicingServiceCode,
      commitmentNumber: body.commitmentNumber,
    },
    provider: {
      legalName: provider?.legalName ?? "",
      siret: provider?.siret ?? null,
      address: provider ? addressOf(provider) : "",
    },
    period,
    conventions: conventions.map((c) => ({
      id: c.id,
      number: c.number,
      initialisationWaived: c.initialisationWaived,
    })),
    lines,
    totals: {
      grossCents: sum((l) => l.grossCents),
      providerCents: sum((l) => l.providerCents),
      amountCents: sum((l) => l.amountCents),
    },
  };
}
