// A grid version as the grid form types it (euros with a comma, brackets and bands one per line), so
// that its next version starts from a prefilled form.
import type { Grid } from "@mutuo/core/billing";
import type { GridDefaults } from "./grid-form.tsx";

/** Cents as typed in a form: "1200,00". */
export const eurosInput = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");

const lines = (rows: { upTo: number | null; priceCents: number }[]) =>
  rows.map((r) => `${r.upTo ?? ""}: ${eurosInput(r.priceCents)}`).join("\n");

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The form's values for the version following `g`: same prices, starting after it (or next 1 January). */
export function nextVersionDefaults(g: Grid & { label: string }, thisYear: number): GridDefaults {
  const s = g.subscription;
  const m = g.migration;
  const start = g.validTo
    ? nextDay(g.validTo)
    : `${Math.max(thisYear, Number(g.validFrom.slice(0, 4))) + 1}-01-01`;
  const values = {
    serviceId: g.serviceId,
    label: g.label,
    validFrom: start,
    validTo: "",
    subscriptionMode: s.mode,
    subscriptionPrice:
      s.mode === "flat"
        ? eurosInput(s.priceCents)
        : s.mode === "per_inhabitant"
          ? eurosInput(s.centsPerInhabitant)
          : "",
    subscription: s.mode === "bracket" ? lines(s.brackets) : "",
    initialisationCents: eurosInput(g.initialisationCents),
    trainingDayCents: eurosInput(g.training.perDayCents),
    trainingSessionCents: eurosInput(g.training.perSessionCents),
    trainingParticipantCents: eurosInput(g.training.perParticipantCents),
    lateCancellationCents: eurosInput(g.lateCancellationCents),
    migrationPrice: m.mode === "flat" ? eurosInput(m.priceCents) : "",
    migrationBands:
      m.mode === "bands" ? lines(m.bands.map((b) => ({ upTo: b.upToRows, priceCents: b.priceCents }))) : "",
    technician: g.hourlyRates.technician === undefined ? "" : eurosInput(g.hourlyRates.technician),
    engineer: g.hourlyRates.engineer === undefined ? "" : eurosInput(g.hourlyRates.engineer),
    project_manager:
      g.hourlyRates.project_manager === undefined ? "" : eurosInput(g.hourlyRates.project_manager),
  };
  return { values, free: g.free };
}
