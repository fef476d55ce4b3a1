// Price grids: which version is in force on a date, what a subscription costs for a population,
// what an activity or time spent costs. Plain data in, cents and a French explanation out.
import type { BillableActivity } from "../shared/billable.ts";
import { BillingRuleError, mulDiv } from "./rules-money.ts";
import { dayNumber, intersect, type Period } from "./rules-dates.ts";

export const TIME_PROFILES = ["technician", "engineer", "project_manager"] as const;
export type TimeProfile = (typeof TIME_PROFILES)[number];
export const PROFILE_LABELS: Record<TimeProfile, string> = {
  technician: "technicien",
  engineer: "ingénieur",
  project_manager: "chef de projet",
};

export type PopulationBracket = { upTo: number | null; priceCents: number };
export type RowBand = { upToRows: number | null; priceCents: number };

export type Subscription =
  | { mode: "none" }
  | { mode: "flat"; priceCents: number }
  | { mode: "bracket"; brackets: PopulationBracket[] }
  | { mode: "per_inhabitant"; centsPerInhabitant: number };

export type Migration =
  { mode: "none" } | { mode: "flat"; priceCents: number } | { mode: "bands"; bands: RowBand[] };

/** One version of a service's grid, as the rules see it. */
export interface Grid {
  id: string;
  serviceId: string;
  validFrom: string;
  /** Inclusive; null: until a later version or forever. */
  validTo: string | null;
  free: boolean;
  subscription: Subscription;
  initialisationCents: number;
  training: { perDayCents: number; perSessionCents: number; perParticipantCents: number };
  lateCancellationCents: number;
  migration: Migration;
  /** Price schedule (bordereau des prix): hourly rate per profile. */
  hourlyRates: Partial<Record<TimeProfile, number>>;
}

const END = "9999-12-31";
export const gridPeriod = (g: { validFrom: string; validTo: string | null }): Period => ({
  from: g.validFrom,
  to: g.validTo ?? END,
});

/** The grid version of a service in force on a date (the latest that started, if several). */
export function gridOn<G extends { serviceId: string; validFrom: string; validTo: string | null }>(
  grids: G[],
  serviceId: string,
  date: string,
): G | null {
  dayNumber(date);
  let best: G | null = null;
  for (const g of grids) {
    if (g.serviceId !== serviceId || g.validFrom > date || (g.validTo !== null && g.validTo < date)) continue;
    if (!best || g.validFrom > best.validFrom) best = g;
  }
  return best;
}

/** The versions of the same service whose periods meet the candidate's (there must be none). */
export function overlappingGrids<
  G extends { id: string; serviceId: string; validFrom: string; validTo: string | null },
>(grids: G[], candidate: { id?: string; serviceId: string; validFrom: string; validTo: string | null }): G[] {
  return grids.filter(
    (g) =>
      g.serviceId === candidate.serviceId &&
      g.id !== candidate.id &&
      intersect(gridPeriod(g), gridPeriod(candidate)) !== null,
  );
}

/** Brackets sorted by ceiling, the last one open (upTo null) or not; the first whose ceiling is reached. */
export function bracketFor(brackets: PopulationBracket[], population: number): PopulationBracket | null {
  const sorted = [...brackets].sort((a, b) => (a.upTo ?? Infinity) - (b.upTo ?? Infinity));
  return sorted.find((b) => b.upTo === null || population <= b.upTo) ?? null;
}

export function bandFor(bands: RowBand[], rows: number): RowBand | null {
  const sorted = [...bands].sort((a, b) => (a.upToRows ?? Infinity) - (b.upToRows ?? Infinity));
  return sorted.find((b) => b.upToRows === null || rows <= b.upToRows) ?? null;
}

const fmt = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
/** "1 234,50 €" (narrow no-break spaces replaced by plain spaces, for PDFs and CSVs). */
export const eurosText = (cents: number): string => fmt.format(cents / 100).replace(/[\u202f\u00a0]/g, " ");
const int = new Intl.NumberFormat("fr-FR");
export const intText = (n: number): string => int.format(n).replace(/[\u202f\u00a0]/g, " ");

export type Priced = { amountCents: number; unitPriceCents: number; quantity: number; basis: string };

/** Annual subscription for a commune's population (null population: only a flat price applies). */
export function annualSubscription(s: Subscription, population: number | null): Priced | null {
  switch (s.mode) {
    case "none":
      return null;
    case "flat":
      return {
        amountCents: s.priceCents,
        unitPriceCents: s.priceCents,
        quantity: 1,
        basis: `forfait annuel ${eurosText(s.priceCents)}`,
      };
    case "bracket": {
      if (population === null) throw new BillingRuleError("invalid_amount", "population unknown");
      const b = bracketFor(s.brackets, population);
      if (!b) throw new BillingRuleError("invalid_amount", `no bracket for ${population} inhabitants`);
      const range = b.upTo === null ? "tranche ouverte" : `tranche jusqu'à ${intText(b.upTo)} habitants`;
      return {
        amountCents: b.priceCents,
        unitPriceCents: b.priceCents,
        quantity: 1,
        basis: `${intText(population)} habitants : ${range}, ${eurosText(b.priceCents)} par an`,
      };
    }
    case "per_inhabitant": {
      if (population === null) throw new BillingRuleError("invalid_amount", "population unknown");
      const amountCents = s.centsPerInhabitant * population;
      return {
        amountCents,
        unitPriceCents: s.centsPerInhabitant,
        quantity: population,
        basis: `${intText(population)} habitants × ${eurosText(s.centsPerInhabitant)} par an`,
      };
    }
  }
}

/** Billable time at the schedule's hourly rate of a profile. */
export function timeAmount(minutes: number, hourlyCents: number): number {
  return mulDiv(hourlyCents, minutes, 60);
}

export const durationText = (minutes: number): string =>
  `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${String(minutes % 60).padStart(2, "0")}` : ""}`;

const qty = (n: number) => intText(n);

/** Price of an activity another domain reports (training days, late cancellation, migration job). */
export function priceActivity(
  grid: Grid,
  a: Pick<BillableActivity, "kind" | "quantity" | "unit" | "rows">,
): Priced {
  if (grid.free) return { amountCents: 0, unitPriceCents: 0, quantity: a.quantity, basis: "service gratuit" };
  switch (a.kind) {
    case "training_dedicated_day": {
      const unit = a.unit === "session" ? grid.training.perSessionCents : grid.training.perDayCents;
      const word = a.unit === "session" ? "session(s)" : "jour(s)";
      return {
        amountCents: mulDiv(unit, a.quantity, 1),
        unitPriceCents: unit,
        quantity: a.quantity,
        basis: `${qty(a.quantity)} ${word} × ${eurosText(unit)}`,
      };
    }
    case "training_participant_day": {
      const unit = grid.training.perParticipantCents;
      return {
        amountCents: mulDiv(unit, a.quantity, 1),
        unitPriceCents: unit,
        quantity: a.quantity,
        basis: `${qty(a.quantity)} participant(s) × ${eurosText(unit)}`,
      };
    }
    case "training_late_cancellation": {
      const unit = grid.lateCancellationCents;
      return {
        amountCents: mulDiv(unit, a.quantity, 1),
        unitPriceCents: unit,
        quantity: a.quantity,
        basis: `${qty(a.quantity)} annulation(s) tardive(s) × ${eurosText(unit)}`,
      };
    }
    case "migration_job": {
      const m = grid.migration;
      if (m.mode === "none")
        return { amountCents: 0, unitPriceCents: 0, quantity: 1, basis: "reprise non tarifée" };
      if (m.mode === "flat")
        return {
          amountCents: m.priceCents,
          unitPriceCents: m.priceCents,
          quantity: 1,
          basis: `forfait ${eurosText(m.priceCents)}`,
        };
      const rows = a.rows ?? 0;
      const band = bandFor(m.bands, rows);
      if (!band) throw new BillingRuleError("invalid_amount", `no band for ${rows} rows`);
      const range =
        band.upToRows === null ? "tranche ouverte" : `tranche jusqu'à ${intText(band.upToRows)} lignes`;
      return {
        amountCents: band.priceCents,
        unitPriceCents: band.priceCents,
        quantity: 1,
        basis: `${intText(rows)} lignes : ${range}, ${eurosText(band.priceCents)}`,
      };
    }
  }
}
