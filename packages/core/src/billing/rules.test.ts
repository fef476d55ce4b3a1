import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  annualSubscription,
  applySubsidy,
  bracketFor,
  BillingRuleError,
  codingFor,
  gridOn,
  overlappingGrids,
  priceActivity,
  prorataDays,
  sharePlan,
  splitByShares,
  splitByYear,
  timeAmount,
  type Grid,
} from "./rules.ts";

describe("splitByShares", () => {
  it("gives leftover cents to the largest remainders, ties by ascending key", () => {
    expect(
      splitByShares(100, [
        { key: "b", weight: 1 },
        { key: "a", weight: 1 },
        { key: "c", weight: 1 },
      ]),
    ).toEqual({
      a: 34,
      b: 33,
      c: 33,
    });
    expect(
      splitByShares(10, [
        { key: "x", weight: 2 },
        { key: "y", weight: 1 },
      ]),
    ).toEqual({ x: 7, y: 3 });
    expect(
      splitByShares(5, [
        { key: "z", weight: 0 },
        { key: "y", weight: 3 },
      ]),
    ).toEqual({ z: 0, y: 5 });
    expect(
      splitByShares(-100, [
        { key: "a", weight: 1 },
        { key: "b", weight: 2 },
      ]),
    ).toEqual({ a: -33, b: -67 });
  });

  it("refuses negative weights, an empty list, all-zero weights with typed errors", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof BillingRuleError ? e.code : "other";
      }
      return "none";
    };
    expect(code(() => splitByShares(1, [{ key: "a", weight: -1 }]))).toBe("negative_weight");
    expect(code(() => splitByShares(1, []))).toBe("empty_shares");
    expect(code(() => splitByShares(1, [{ key: "a", weight: 0 }]))).toBe("zero_weights");
    expect(code(() => splitByShares(1.5, [{ key: "a", weight: 1 }]))).toBe("invalid_amount");
  });

  it("always adds up exactly, each part within a cent of its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e10, max: 1e10 }),
        fc.uniqueArray(
          fc.record({ key: fc.string({ maxLength: 6 }), weight: fc.integer({ min: 0, max: 5e6 }) }),
          {
            minLength: 1,
            maxLength: 30,
            selector: (s) => s.key,
          },
        ),
        (total, shares) => {
          fc.pre(shares.some((s) => s.weight > 0));
          const parts = splitByShares(total, shares);
          const sum = shares.reduce((a, s) => a + s.weight, 0);
          expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(total);
          for (const s of shares) {
            expect(Math.abs(parts[s.key]! - (total * s.weight) / sum)).toBeLessThan(1 + 1e-6);
            if (s.weight === 0) expect(parts[s.key]).toBe(0);
          }
        },
      ),
    );
  });

  it("accepts decimal weights", () => {
    const parts = splitByShares(1000, [
      { key: "a", weight: 0.5 },
      { key: "b", weight: 1.5 },
    ]);
    expect(parts).toEqual({ a: 250, b: 750 });
  });
});

describe("applySubsidy", () => {
  it("rounds halves away from zero", () => {
    expect(applySubsidy(101, 50)).toEqual({ providerCents: 51, partnerCents: 50 });
    expect(applySubsidy(-101, 50)).toEqual({ providerCents: -51, partnerCents: -50 });
    expect(applySubsidy(1000, 12.5)).toEqual({ providerCents: 125, partnerCents: 875 });
    expect(applySubsidy(1, 33.333)).toEqual({ providerCents: 0, partnerCents: 1 });
    expect(applySubsidy(6_000_000, 80)).toEqual({ providerCents: 4_800_000, partnerCents: 1_200_000 });
  });
  it("refuses a rate outside [0, 100]", () => {
    expect(() => applySubsidy(100, 100.01)).toThrow(BillingRuleError);
    expect(() => applySubsidy(100, -1)).toThrow(BillingRuleError);
  });
  it("keeps provider + partner = amount, provider within half a cent", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 10000 }), (amount, r) => {
        const rate = r / 100;
        const { providerCents, partnerCents } = applySubsidy(amount, rate);
        expect(providerCents + partnerCents).toBe(amount);
        expect(Math.abs(providerCents - (amount * rate) / 100)).toBeLessThanOrEqual(
          0.5 + 1e-3 * Math.abs(amount) * 1e-9,
        );
      }),
    );
  });
});

describe("prorataDays", () => {
  const year = { from: "2026-01-01", to: "2026-12-31" };
  it("counts local dates inclusively", () => {
    expect(prorataDays(36_500, year, { from: "2026-07-01", to: "2026-12-31" })).toBe(18_400);
    expect(prorataDays(36_500, year, { from: "2025-01-01", to: "2027-12-31" })).toBe(36_500);
    expect(prorataDays(36_500, year, { from: "2026-12-31", to: "2026-12-31" })).toBe(100);
    expect(prorataDays(36_500, year, { from: "2027-01-01", to: "2027-03-01" })).toBe(0);
    // Leap year: 366 days; half a day rounds away from zero.
    expect(
      prorataDays(1, { from: "2024-01-01", to: "2024-01-02" }, { from: "2024-01-01", to: "2024-01-01" }),
    ).toBe(1);
  });
  it("refuses a period that ends before it starts, or a non-date", () => {
    expect(() => prorataDays(1, { from: "2026-02-01", to: "2026-01-01" }, year)).toThrow(BillingRuleError);
    expect(() => prorataDays(1, year, { from: "2026-02-30", to: "2026-03-01" })).toThrow(BillingRuleError);
  });
  it("splits a period by calendar year", () => {
    expect(splitByYear({ from: "2019-03-01", to: "2021-02-28" })).toEqual([
      { year: 2019, period: { from: "2019-03-01", to: "2019-12-31" } },
      { year: 2020, period: { from: "2020-01-01", to: "2020-12-31" } },
      { year: 2021, period: { from: "2021-01-01", to: "2021-02-28" } },
    ]);
  });
});

const grid = (over: Partial<Grid> = {}): Grid => ({
  id: "g1",
  serviceId: "s",
  validFrom: "2026-01-01",
  validTo: null,
  free: false,
  subscription: {
    mode: "bracket",
    brackets: [
      { upTo: 2000, priceCents: 50_000 },
      { upTo: 10_000, priceCents: 120_000 },
      { upTo: null, priceCents: 300_000 },
    ],
  },
  initialisationCents: 80_000,
  training: { perDayCents: 65_000, perSessionCents: 40_000, perParticipantCents: 9_000 },
  lateCancellationCents: 15_000,
  migration: {
    mode: "bands",
    bands: [
      { upToRows: 10_000, priceCents: 50_000 },
      { upToRows: null, priceCents: 150_000 },
    ],
  },
  hourlyRates: { technician: 6_000, engineer: 8_500 },
  ...over,
});

describe("grids", () => {
  const grids = [
    grid({ id: "old", validFrom: "2024-01-01", validTo: "2025-12-31" }),
    grid({ id: "new", validFrom: "2026-01-01", validTo: null }),
    grid({ id: "other", serviceId: "t", validFrom: "2020-01-01" }),
  ];
  it("finds the version in force on a date", () => {
    expect(gridOn(grids, "s", "2025-06-30")?.id).toBe("old");
    expect(gridOn(grids, "s", "2026-01-01")?.id).toBe("new");
    expect(gridOn(grids, "s", "2023-12-31")).toBeNull();
  });
  it("finds versions a new one would overlap", () => {
    expect(
      overlappingGrids(grids, { serviceId: "s", validFrom: "2025-06-01", validTo: null }).map((g) => g.id),
    ).toEqual(["old", "new"]);
    expect(
      overlappingGrids(grids, { serviceId: "s", validFrom: "2022-01-01", validTo: "2023-12-31" }),
    ).toEqual([]);
  });
  it("prices a subscription by population bracket, flat or per inhabitant", () => {
    const g = grid();
    expect(
      bracketFor(g.subscription.mode === "bracket" ? g.subscription.brackets : [], 2000)?.priceCents,
    ).toBe(50_000);
    expect(annualSubscription(g.subscription, 2001)?.amountCents).toBe(120_000);
    expect(annualSubscription(g.subscription, 2001)?.basis).toContain("2 001 habitants");
    expect(annualSubscription(g.subscription, 50_000)?.amountCents).toBe(300_000);
    expect(annualSubscription({ mode: "flat", priceCents: 1000 }, null)?.amountCents).toBe(1000);
    expect(annualSubscription({ mode: "per_inhabitant", centsPerInhabitant: 15 }, 1234)?.amountCents).toBe(
      18_510,
    );
    expect(annualSubscription({ mode: "none" }, 10)).toBeNull();
  });
  it("prices activities and time", () => {
    const g = grid();
    expect(priceActivity(g, { kind: "training_dedicated_day", quantity: 2, unit: "day" }).amountCents).toBe(
      130_000,
    );
    expect(priceActivity(g, { kind: "training_dedicated_day", quantity: 0.5, unit: "day" }).amountCents).toBe(
      32_500,
    );
    expect(
      priceActivity(g, { kind: "training_dedicated_day", quantity: 1, unit: "session" }).amountCents,
    ).toBe(40_000);
    expect(
      priceActivity(g, { kind: "training_participant_day", quantity: 3, unit: "participant" }).amountCents,
    ).toBe(27_000);
    expect(
      priceActivity(g, { kind: "migration_job", quantity: 1, unit: "job", rows: 12_000 }).amountCents,
    ).toBe(150_000);
    expect(
      priceActivity(grid({ migration: { mode: "flat", priceCents: 7 } }), {
        kind: "migration_job",
        quantity: 1,
        unit: "job",
      }).amountCents,
    ).toBe(7);
    expect(
      priceActivity(grid({ free: true }), { kind: "migration_job", quantity: 1, unit: "job" }).amountCents,
    ).toBe(0);
    expect(timeAmount(210, 6_000)).toBe(21_000);
    expect(timeAmount(7, 6_001)).toBe(700);
  });
});

describe("cost sharing", () => {
  it("reproduces the Montpellier example: 120 000 €, equal groups, 50 % / 80 % → provider 78 000 €", () => {
    const result = sharePlan({
      globalCostCents: 12_000_000,
      groupWeights: { commune: 1, ccas: 1 },
      providerRates: { commune: 50, ccas: 80 },
      members: [
        { key: "c1", group: "commune", population: 12_345 },
        { key: "c2", group: "commune", population: 3_456 },
        { key: "c3", group: "commune", population: 789 },
        { key: "a1", group: "ccas", population: 12_345 },
        { key: "a2", group: "ccas", population: 789 },
      ],
    });
    expect(result.totals).toEqual({
      shareCents: 12_000_000,
      providerCents: 7_800_000,
      partnerCents: 4_200_000,
    });
    expect(result.groups.commune?.poolCents).toBe(6_000_000);
    const communes = result.members.filter((m) => m.group === "commune");
    expect(communes.reduce((a, m) => a + m.shareCents, 0)).toBe(6_000_000);
  });
  it("shares one pool by population when no group split is set, and always adds up", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.record({ pop: fc.integer({ min: 1, max: 500_000 }), ccas: fc.boolean() }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        (total, ms, r1, r2, grouped) => {
          const result = sharePlan({
            globalCostCents: total,
            groupWeights: grouped ? { commune: 1, ccas: 1 } : null,
            providerRates: { commune: r1, ccas: r2 },
            members: ms.map((m, i) => ({
              key: `k${i}`,
              group: m.ccas ? "ccas" : "commune",
              population: m.pop,
            })),
          });
          expect(result.members.reduce((a, m) => a + m.shareCents, 0)).toBe(
            grouped && new Set(ms.map((m) => m.ccas)).size === 1 ? result.totals.shareCents : total,
          );
          expect(result.totals.providerCents + result.totals.partnerCents).toBe(result.totals.shareCents);
        },
      ),
    );
  });
});

describe("budget coding", () => {
  const rules = [
    {
      serviceId: null,
      lineKind: "subscription" as const,
      bodyKind: "commune",
      fromYear: 2020,
      chapter: "70",
      article: "70875",
      function: "020",
    },
    {
      serviceId: null,
      lineKind: "subscription" as const,
      bodyKind: "commune",
      fromYear: 2026,
      chapter: "70",
      article: "70876",
      function: "020",
    },
    {
      serviceId: "s",
      lineKind: "subscription" as const,
      bodyKind: "commune",
      fromYear: 2025,
      chapter: "70",
      article: "7088",
      function: "01",
    },
    {
      serviceId: null,
      lineKind: "subscription" as const,
      bodyKind: "ccas",
      fromYear: 2020,
      chapter: "70",
      article: "70878",
      function: "020",
    },
  ];
  it("takes the service's own rule before the default, the latest year in force", () => {
    expect(
      codingFor(rules, { serviceId: "s", lineKind: "subscription", bodyKind: "commune", year: 2026 })
        ?.article,
    ).toBe("7088");
    expect(
      codingFor(rules, { serviceId: "t", lineKind: "subscription", bodyKind: "commune", year: 2026 })
        ?.article,
    ).toBe("70876");
    expect(
      codingFor(rules, { serviceId: "t", lineKind: "subscription", bodyKind: "commune", year: 2024 })
        ?.article,
    ).toBe("70875");
    expect(
      codingFor(rules, { serviceId: "t", lineKind: "subscription", bodyKind: "ccas", year: 2024 })?.article,
    ).toBe("70878");
    expect(codingFor(rules, { serviceId: "t", lineKind: "time", bodyKind: "ccas", year: 2024 })).toBeNull();
  });
});
