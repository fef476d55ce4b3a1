// Money arithmetic of billing, exact: integer cents, BigInt where a product could exceed 2^53,
// rounding half away from zero. Plain functions, no I/O.

export type BillingRuleErrorCode =
  | "negative_weight"
  | "empty_shares"
  | "zero_weights"
  | "duplicate_key"
  | "invalid_amount"
  | "rate_out_of_range"
  | "invalid_date"
  | "invalid_period";

/** A rule refused its input (a programming or data error, never a rounding issue). */
export class BillingRuleError extends Error {
  readonly code: BillingRuleErrorCode;
  constructor(code: BillingRuleErrorCode, message: string) {
    super(message);
    this.name = "BillingRuleError";
    this.code = code;
  }
}

function assertCents(amountCents: number): void {
  if (!Number.isSafeInteger(amountCents))
    throw new BillingRuleError("invalid_amount", `amount must be an integer number of cents: ${amountCents}`);
}

/** n / d rounded to the nearest integer, halves away from zero (d > 0). */
export function roundDiv(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const a = negative ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return negative ? -q : q;
}

/** A decimal as an integer numerator over 10^scale (exact for what a person types: 12.5, 33.333). */
function scaled(x: number, scale = 6): { num: bigint; den: bigint } {
  const den = 10n ** BigInt(scale);
  return { num: BigInt(Math.round(x * Number(den))), den };
}

/**
 * Largest-remainder allocation: the parts add up exactly to totalCents; each differs from
 * totalCents × weight / Σweights by less than one cent; leftover cents go to the largest remainders
 * (ties: ascending key); a zero weight gets 0.
 */
export function splitByShares(
  totalCents: number,
  shares: { key: string; weight: number }[],
): Record<string, number> {
  assertCents(totalCents);
  if (shares.length === 0) throw new BillingRuleError("empty_shares", "no shares to split between");
  const seen = new Set<string>();
  for (const s of shares) {
    if (!Number.isFinite(s.weight) || s.weight < 0)
      throw new BillingRuleError("negative_weight", `weight of ${s.key} must be a number ≥ 0`);
    if (seen.has(s.key)) throw new BillingRuleError("duplicate_key", `key ${s.key} appears twice`);
    seen.add(s.key);
  }
  if (shares.every((s) => s.weight === 0)) throw new BillingRuleError("zero_weights", "all weights are zero");
  // Weights as exact integers over a common denominator.
  const w = shares.map((s) => scaled(s.weight).num);
  const sum = w.reduce((a, b) => a + b, 0n);
  const sign = totalCents < 0 ? -1n : 1n;
  const total = BigInt(totalCents) * sign;
  const parts = shares.map((s, i) => ({
    key: s.key,
    base: (total * w[i]!) / sum,
    rest: (total * w[i]!) % sum,
  }));
  let leftover = total - parts.reduce((a, p) => a + p.base, 0n);
  const order = [...parts].sort((a, b) =>
    a.rest === b.rest ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.rest > b.rest ? -1 : 1,
  );
  for (const p of order) {
    if (leftover <= 0n) break;
    p.base += 1n;
    leftover -= 1n;
  }
  return Object.fromEntries(parts.map((p) => [p.key, Number(p.base * sign) + 0]));
}

/** The provider's participation at a rate in [0, 100] (decimals allowed), rounded half away from zero. */
export function applySubsidy(
  amountCents: number,
  providerRatePercent: number,
): { providerCents: number; partnerCents: number } {
  assertCents(amountCents);
  if (!Number.isFinite(providerRatePercent) || providerRatePercent < 0 || providerRatePercent > 100)
    throw new BillingRuleError("rate_out_of_range", `rate must be between 0 and 100: ${providerRatePercent}`);
  const r = scaled(providerRatePercent);
  const providerCents = Number(roundDiv(BigInt(amountCents) * r.num, r.den * 100n)) + 0;
  return { providerCents, partnerCents: amountCents - providerCents };
}

/** amountCents × numerator / denominator, rounded half away from zero. */
export function mulDiv(amountCents: number, numerator: number, denominator: number): number {
  assertCents(amountCents);
  const n = scaled(numerator);
  const d = scaled(denominator);
  if (d.num <= 0n) throw new BillingRuleError("invalid_amount", "denominator must be > 0");
  return Number(roundDiv(BigInt(amountCents) * n.num, d.num)) + 0;
}
