// Local dates "YYYY-MM-DD" (Europe/Paris calendar days), inclusive periods, prorata by days.
import { BillingRuleError, mulDiv } from "./rules-money.ts";

export type Period = { from: string; to: string };

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a local date; throws a typed error on anything but a real date. */
export function dayNumber(date: string): number {
  const m = ISO.exec(date);
  if (!m) throw new BillingRuleError("invalid_date", `not a date: ${date}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(t).toISOString().slice(0, 10) !== date)
    throw new BillingRuleError("invalid_date", `not a date: ${date}`);
  return t / DAY_MS;
}

export const dateOfDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Number of days of an inclusive period (0 when it ends before it starts). */
export function daysIn(p: Period): number {
  return Math.max(0, dayNumber(p.to) - dayNumber(p.from) + 1);
}

/** The common part of two inclusive periods, or null when they do not meet. */
export function intersect(a: Period, b: Period): Period | null {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
}

export function assertPeriod(p: Period): void {
  if (dayNumber(p.from) > dayNumber(p.to))
    throw new BillingRuleError("invalid_period", `period ends before it starts: ${p.from} – ${p.to}`);
}

/** amountCents × (days of `covered` inside `period`) / (days of `period`), rounded half away from zero. */
export function prorataDays(amountCents: number, period: Period, covered: Period): number {
  assertPeriod(period);
  assertPeriod(covered);
  const inside = intersect(period, covered);
  if (!inside) return 0;
  return mulDiv(amountCents, daysIn(inside), daysIn(period));
}

/** The calendar years a period spans, each cut to the period. */
export function splitByYear(p: Period): { year: number; period: Period }[] {
  assertPeriod(p);
  const out: { year: number; period: Period }[] = [];
  for (let y = Number(p.from.slice(0, 4)); y <= Number(p.to.slice(0, 4)); y++) {
    const cut = intersect(p, yearPeriod(y))!;
    out.push({ year: y, period: cut });
  }
  return out;
}

export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export const frenchDate = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
