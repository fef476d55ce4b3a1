// Pure rules of the reports: periods (month, quarter, year, week) in Europe/Paris, the previous
// period, when a scheduled report is due, rates and percentiles. No database.
import { addDays, instantOf, isoWeekday, localDateOf } from "../sla/index.ts";

const ZONE = "Europe/Paris";

export type PeriodKind = "month" | "quarter" | "year";

/** A reporting period: months [fromMonth, toMonth) as "YYYY-MM", and its instants in Europe/Paris. */
export interface Period {
  kind: PeriodKind | "custom";
  /** First month, "YYYY-MM". */
  from: string;
  /** Month after the last, "YYYY-MM". */
  to: string;
  start: Date;
  end: Date;
}

const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

export const monthKey = (year: number, month: number) => {
  const y = year + Math.floor((month - 1) / 12);
  const m = (((month - 1) % 12) + 12) % 12;
  return `${y}-${String(m + 1).padStart(2, "0")}`;
};

const parseMonth = (key: string) => ({ year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) });

const monthStart = (key: string) => {
  const { year, month } = parseMonth(key);
  return new Date(instantOf(ZONE, { year, month, day: 1 }, 0));
};

/** The period of `kind` that contains month `anchor` ("YYYY-MM"): its quarter, its year. */
export function periodOf(kind: PeriodKind, anchor: string): Period {
  const { year, month } = parseMonth(anchor);
  const first = kind === "month" ? month : kind === "quarter" ? month - ((month - 1) % 3) : 1;
  const from = monthKey(year, first);
  const to = monthKey(year, first + MONTHS[kind]);
  return { kind, from, to, start: monthStart(from), end: monthStart(to) };
}

/** Months from `from` to `to` inclusive ("YYYY-MM"); null when `to` is before `from`. */
export function customPeriod(from: string, to: string): Period | null {
  const n = monthCount(from, to) + 1;
  if (n < 1) return null;
  const { year, month } = parseMonth(from);
  const end = monthKey(year, month + n);
  return { kind: "custom", from, to: end, start: monthStart(from), end: monthStart(end) };
}

const monthCount = (from: string, to: string) => {
  const a = parseMonth(from);
  const b = parseMonth(to);
  return (b.year - a.year) * 12 + b.month - a.month;
};

/** The period just before, of the same length. */
export function previousPeriod(p: Period): Period {
  const { year, month } = parseMonth(p.from);
  const n = monthCount(p.from, p.to);
  if (p.kind !== "custom") return periodOf(p.kind, monthKey(year, month - n));
  return customPeriod(monthKey(year, month - n), monthKey(year, month - 1))!;
}

/** Month keys of a period, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  const { year, month } = parseMonth(p.from);
  for (let i = 0; i < monthCount(p.from, p.to); i++) out.push(monthKey(year, month + i));
  return out;
}

/** The month ("YYYY-MM") of an instant in Europe/Paris. */
export function monthOfInstant(at: Date): string {
  const d = localDateOf(ZONE, at.getTime());
  return monthKey(d.year, d.month);
}

/** The last complete period of `kind` at `now` (last month, last quarter, last year). */
export function lastCompletePeriod(kind: PeriodKind, now: Date): Period {
  return previousPeriod(periodOf(kind, monthOfInstant(now)));
}

/** A readable label: « novembre 2026 », « T4 2026 », « 2026 ». */
export function periodLabel(p: Period, locale: "fr" | "en" = "fr"): string {
  const { year, month } = parseMonth(p.from);
  if (p.kind === "custom") {
    const last = previousMonthKey(p.to);
    const one = (k: string) => periodLabel(periodOf("month", k), locale);
    return last === p.from ? one(p.from) : `${one(p.from)} – ${one(last)}`;
  }
  if (p.kind === "year") return String(year);
  if (p.kind === "quarter") return `${locale === "en" ? "Q" : "T"}${Math.ceil(month / 3)} ${year}`;
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, 15)));
}

function previousMonthKey(key: string) {
  const { year, month } = parseMonth(key);
  return monthKey(year, month - 1);
}

export type Frequency = "weekly" | "monthly" | "quarterly";

/** The period a subscription sends at `now`: the last complete week (Monday to Monday), month or
 * quarter, with its key ("2026-W48", "2026-11", "2026-Q4"), its bounds and what the report covers. */
export function scheduledPeriod(
  frequency: Frequency,
  now: Date,
): { key: string; start: Date; end: Date; period: Period } {
  if (frequency === "weekly") {
    const today = localDateOf(ZONE, now.getTime());
    const thisMonday = addDays(today, 1 - isoWeekday(today));
    const monday = addDays(thisMonday, -7);
    const key = `${monday.year}-W${String(isoWeekNumber(monday)).padStart(2, "0")}`;
    // The report itself covers the month of that week (the rollup is monthly).
    const period = periodOf("month", monthKey(monday.year, monday.month));
    return {
      key,
      start: new Date(instantOf(ZONE, monday, 0)),
      end: new Date(instantOf(ZONE, thisMonday, 0)),
      period,
    };
  }
  const period = lastCompletePeriod(frequency === "monthly" ? "month" : "quarter", now);
  const { year, month } = parseMonth(period.from);
  const key = frequency === "monthly" ? period.from : `${year}-Q${Math.ceil(month / 3)}`;
  return { key, start: period.start, end: period.end, period };
}

function isoWeekNumber(d: { year: number; month: number; day: number }): number {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day));
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** Whether a subscription sends the period ending at `periodEnd`: the period is over, it ended
 * after the subscription was made (no back-filling of history) and before its optional end. */
export function isDue(s: { createdAt: Date; endsOn: Date | null }, periodEnd: Date, now: Date): boolean {
  if (now.getTime() < periodEnd.getTime()) return false;
  if (periodEnd.getTime() <= s.createdAt.getTime()) return false;
  return !s.endsOn || periodEnd.getTime() <= s.endsOn.getTime() + 86_400_000;
}

/** A percentage with one decimal, null when nothing counts. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
}

/** Percentile (0–1) of sorted values, linear interpolation (PostgreSQL's percentile_cont). */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/** Minutes as « 3 h 05 », « 2 j 4 h » (working days not assumed: 24 h). */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "—";
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")}`;
  return `${Math.floor(m / 1440)} j ${Math.floor((m % 1440) / 60)} h`;
}
