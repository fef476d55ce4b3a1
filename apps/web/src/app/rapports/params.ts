// The address of a report: its period (periode, mois, du, au) and its filters, both ways.
import { lastCompletePeriod, periodLabel, periodOf } from "@mutuo/core/reports";
import type { PeriodInput } from "@mutuo/core/reports";

export type Search = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 200) ?? "";

export const FILTER_NAMES = ["body", "service", "priority", "channel", "technician"];

/** The period asked for; by default the last complete quarter. */
export function periodFrom(s: Search, now: Date): PeriodInput {
  const kind = one(s.periode);
  if (kind === "custom") return { kind: "custom", from: one(s.du), to: one(s.au) };
  const k = kind === "month" || kind === "year" ? kind : "quarter";
  return { kind: k, month: one(s.mois) || lastCompletePeriod(k, now).from };
}

export function filtersFrom(s: Search): Record<string, string> {
  return Object.fromEntries(FILTER_NAMES.map((n) => [n, one(s[n])]).filter(([, v]) => v));
}

/** The same report's address, with `extra` changed. */
export function queryOf(p: PeriodInput, filters: Record<string, string>, extra: Record<string, string> = {}) {
  const period: Record<string, string> =
    p.kind === "custom" ? { periode: "custom", du: p.from, au: p.to } : { periode: p.kind, mois: p.month };
  return new URLSearchParams({ ...period, ...filters, ...extra }).toString();
}

/** The French message of a report's error (unknown body, reversed period…). */
export function errorKey(e: unknown): string {
  const cause = (e as { cause?: { message?: string; code?: string } }).cause ?? (e as { message?: string });
  const m = cause?.message ?? "";
  if (/^report_[a-z_]+$/.test(m)) return m;
  if ((e as { code?: string }).code === "BAD_REQUEST") return "report_invalid";
  if ((e as { code?: string }).code === "NOT_FOUND") return "report_not_found";
  throw e;
}

/** The period of a sent report from its key: « novembre 2026 », « T3 2026 », « semaine 48 de 2026 ». */
export function runPeriod(key: string, locale: "fr" | "en" = "fr"): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week)
    return locale === "en"
      ? `week ${Number(week[2])} of ${week[1]}`
      : `semaine ${Number(week[2])} de ${week[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter)
    return periodLabel(
      periodOf("quarter", `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, "0")}`),
      locale,
    );
  return /^\d{4}-\d{2}$/.test(key) ? periodLabel(periodOf("month", key), locale) : key;
}
