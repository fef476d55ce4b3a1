// Global cost shared between co-signatories by population, with the provider's participation by
// kind of body (Montpellier's convention-type: 120 000 € over 3 years, communes and CCAS groups
// equal, provider 50 % / 80 % → provider 78 000 €).
import { applySubsidy, BillingRuleError, splitByShares } from "./rules-money.ts";

export type SharingMember = { key: string; group: string; population: number };

export interface SharingPlan {
  globalCostCents: number;
  /** Weight of each group when the deliberation splits the cost between groups first; null: one pool. */
  groupWeights: Record<string, number> | null;
  /** Provider participation rate (percent) per group. */
  providerRates: Record<string, number>;
  members: SharingMember[];
}

export type MemberShare = {
  key: string;
  group: string;
  population: number;
  /** Population total of the pool the member was weighed in (its group, or everyone). */
  poolPopulation: number;
  /** Cost of that pool. */
  poolCents: number;
  shareCents: number;
  rate: number;
  providerCents: number;
  partnerCents: number;
};

export type PlanShares = {
  members: MemberShare[];
  totals: { shareCents: number; providerCents: number; partnerCents: number };
  groups: Record<string, { poolCents: number; population: number }>;
};

/** Each member's share of the global cost, and the provider's part of it; everything adds up to the cent. */
export function sharePlan(plan: SharingPlan): PlanShares {
  if (plan.members.length === 0) throw new BillingRuleError("empty_shares", "a plan needs members");
  const groupsPresent = [...new Set(plan.members.map((m) => m.group))].sort();
  const pools: Record<string, { poolCents: number; population: number }> = {};
  if (plan.groupWeights) {
    const weights = groupsPresent.map((g) => ({ key: g, weight: plan.groupWeights![g] ?? 0 }));
    const split = splitByShares(plan.globalCostCents, weights);
    for (const g of groupsPresent) pools[g] = { poolCents: split[g]!, population: 0 };
  } else {
    pools["*"] = { poolCents: plan.globalCostCents, population: 0 };
  }
  const poolOf = (m: SharingMember) => (plan.groupWeights ? m.group : "*");
  for (const m of plan.members) pools[poolOf(m)]!.population += m.population;
  const shares: Record<string, number> = {};
  for (const [pool, p] of Object.entries(pools)) {
    const inPool = plan.members.filter((m) => poolOf(m) === pool);
    if (p.poolCents === 0) {
      for (const m of inPool) shares[m.key] = 0;
      continue;
    }
    Object.assign(
      shares,
      splitByShares(
        p.poolCents,
        inPool.map((m) => ({ key: m.key, weight: m.population })),
      ),
    );
  }
  // The provider's part is computed on each group's total, then split like the shares, so that the
  // plan's provider total is the rate applied to the group's cost (78 000 €, not 78 000,01 €).
  const provider: Record<string, number> = {};
  for (const g of groupsPresent) {
    const inGroup = plan.members.filter((m) => m.group === g);
    const groupShare = inGroup.reduce((a, m) => a + shares[m.key]!, 0);
    const groupProvider = applySubsidy(groupShare, plan.providerRates[g] ?? 0).providerCents;
    const weights = inGroup.map((m) => ({ key: m.key, weight: Math.abs(shares[m.key]!) }));
    if (groupProvider === 0 || weights.every((w) => w.weight === 0)) {
      for (const m of inGroup) provider[m.key] = 0;
    } else Object.assign(provider, splitByShares(groupProvider, weights));
  }
  const members = plan.members.map((m): MemberShare => {
    const pool = pools[poolOf(m)]!;
    return {
      key: m.key,
      group: m.group,
      population: m.population,
      poolPopulation: pool.population,
      poolCents: pool.poolCents,
      shareCents: shares[m.key]!,
      rate: plan.providerRates[m.group] ?? 0,
      providerCents: provider[m.key]!,
      partnerCents: shares[m.key]! - provider[m.key]!,
    };
  });
  const sum = (f: (m: MemberShare) => number) => members.reduce((a, m) => a + f(m), 0);
  return {
    members,
    totals: {
      shareCents: sum((m) => m.shareCents),
      providerCents: sum((m) => m.providerCents),
      partnerCents: sum((m) => m.partnerCents),
    },
    groups: plan.groupWeights ? pools : {},
  };
}

/** The cost-sharing group of a kind of body: a CIAS shares the CCAS group. */
export const sharingGroupOf = (kind: string): string => (kind === "cias" ? "ccas" : kind);
