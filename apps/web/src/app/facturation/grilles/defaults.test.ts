import { describe, expect, it } from "vitest";
import { centsOf, bracketsOf } from "../money.ts";
import { eurosInput, nextVersionDefaults } from "./defaults.ts";

const grid = {
  id: "g",
  serviceId: "s",
  label: "Pelehas 2026",
  validFrom: "2026-01-01",
  validTo: null,
  free: false,
  subscription: {
    mode: "bracket" as const,
    brackets: [
      { upTo: 2000, priceCents: 95_000 },
      { upTo: null, priceCents: 500_005 },
    ],
  },
  initialisationCents: 120_000,
  training: { perDayCents: 65_000, perSessionCents: 0, perParticipantCents: 9_050 },
  lateCancellationCents: 15_000,
  migration: {
    mode: "bands" as const,
    bands: [
      { upToRows: 10_000, priceCents: 60_000 },
      { upToRows: null, priceCents: 300_000 },
    ],
  },
  hourlyRates: { technician: 6_200 },
};

describe("the next version's prefilled form", () => {
  it("types every price as the form reads it back, and starts next 1 January or after a closed version", () => {
    const d = nextVersionDefaults(grid, 2026);
    expect(d.values).toMatchObject({
      validFrom: "2027-01-01",
      subscriptionMode: "bracket",
      subscription: "2000: 950,00\n: 5000,05",
      trainingParticipantCents: "90,50",
      migrationBands: "10000: 600,00\n: 3000,00",
      technician: "62,00",
      engineer: "",
    });
    expect(bracketsOf(d.values.subscription!)).toEqual(grid.subscription.brackets);
    expect(centsOf(d.values.initialisationCents!)).toBe(120_000);
    expect(nextVersionDefaults({ ...grid, validTo: "2026-06-30" }, 2026).values.validFrom).toBe("2026-07-01");
    expect(nextVersionDefaults({ ...grid, validFrom: "2029-01-01" }, 2026).values.validFrom).toBe(
      "2030-01-01",
    );
    expect(eurosInput(5)).toBe("0,05");
  });
});
