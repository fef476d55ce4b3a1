// A business calendar: when work happens. Weekly slots in local time, public holidays of a zone,
// extra closures. Working intervals of a local day are computed here, DST included.
import { holidayOn } from "./holidays.ts";
import { addDays, instantOf, isoDate, isoWeekday, localDateOf, type LocalDate } from "./zone.ts";

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export interface Slot {
  from: string;
  to: string;
}

export interface Calendar {
  /** IANA, e.g. "Europe/Paris". */
  timeZone: string;
  /** ISO weekday (1 = Monday) → slots "HH:MM"; "24:00" allowed as `to`. */
  weekly: Partial<Record<IsoWeekday, Slot[]>>;
  holidayZone: "metropole" | "alsace-moselle" | "none";
  /** Local dates "YYYY-MM-DD", inclusive. */
  closures?: { from: string; to: string }[];
}

/** Round the clock, every day: what "clock hours" mean. */
export const ALWAYS_OPEN: Calendar = {
  timeZone: "UTC",
  weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ from: "00:00", to: "24:00" }]])),
  holidayZone: "none",
};

export function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`not a time: ${hhmm}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 1440) throw new RangeError(`not a time: ${hhmm}`);
  return minutes;
}

/** Sorted, merged [from, to) minute ranges of a weekday. */
export function daySlots(calendar: Calendar, weekday: IsoWeekday): [number, number][] {
  const ranges = (calendar.weekly[weekday] ?? [])
    .map((s) => [minutesOf(s.from), minutesOf(s.to)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export function hasWorkingTime(calendar: Calendar): boolean {
  return ([1, 2, 3, 4, 5, 6, 7] as IsoWeekday[]).some((d) => daySlots(calendar, d).length > 0);
}

export type DayKind = { kind: "open" } | { kind: "holiday"; name: string } | { kind: "closure" };

export function dayKind(calendar: Calendar, date: string): DayKind {
  const holiday = holidayOn(date, calendar.holidayZone);
  if (holiday) return { kind: "holiday", name: holiday };
  if (calendar.closures?.some((c) => c.from <= date && date <= c.to)) return { kind: "closure" };
  return { kind: "open" };
}

// Working intervals per calendar object and local day: a calendar is a value, never mutated by the
// engine, so its days can be remembered (bounded per calendar).
const dayCache = new WeakMap<Calendar, Map<number, [number, number][]>>();
const MAX_CACHED_DAYS = 4000;

/** Working intervals [start, end) in epoch ms of one local day. */
export function workingIntervals(calendar: Calendar, date: LocalDate): [number, number][] {
  let days = dayCache.get(calendar);
  if (!days) dayCache.set(calendar, (days = new Map()));
  const key = date.year * 10000 + date.month * 100 + date.day;
  const hit = days.get(key);
  if (hit) return hit;
  const out =
    dayKind(calendar, isoDate(date)).kind !== "open"
      ? []
      : daySlots(calendar, isoWeekday(date))
          .map(
            ([a, b]) =>
              [instantOf(calendar.timeZone, date, a), instantOf(calendar.timeZone, date, b)] as [
                number,
                number,
              ],
          )
          .filter(([a, b]) => b > a);
  if (days.size >= MAX_CACHED_DAYS) days.clear();
  days.set(key, out);
  return out;
}

/** Local days from the one holding `instant`, forever (callers bound the walk). */
export function* daysFrom(calendar: Calendar, instant: number): Generator<LocalDate> {
  let day = addDays(localDateOf(calendar.timeZone, instant), -1);
  for (;;) {
    yield day;
    day = addDays(day, 1);
  }
}
