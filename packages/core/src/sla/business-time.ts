// Working time arithmetic on a calendar: the two primitives the SLA engine is built on.
import { daysFrom, hasWorkingTime, workingIntervals, type Calendar } from "./calendar.ts";

/** Longest walk, in days, before giving up (a calendar closed for 20 years cannot meet a target). */
const MAX_DAYS = 366 * 20;

export class NoWorkingTimeError extends RangeError {
  constructor() {
    super("the calendar has no working time within reach");
  }
}

/** The earliest instant at which the working time elapsed since `start` equals `durationMs`. */
export function addBusinessTime(calendar: Calendar, start: Date, durationMs: number): Date {
  const from = start.getTime();
  if (!(durationMs > 0)) return new Date(from);
  if (!hasWorkingTime(calendar)) throw new NoWorkingTimeError();
  let remaining = durationMs;
  let walked = 0;
  for (const day of daysFrom(calendar, from)) {
    if (++walked > MAX_DAYS) break;
    for (const [a, b] of workingIntervals(calendar, day)) {
      if (b <= from) continue;
      const s = Math.max(a, from);
      const available = b - s;
      if (remaining <= available) return new Date(s + remaining);
      remaining -= available;
    }
  }
  throw new NoWorkingTimeError();
}

/** Working time, in ms, between two instants; 0 if `to` is not after `from`. */
export function businessTimeBetween(calendar: Calendar, from: Date, to: Date): number {
  const a0 = from.getTime();
  const b0 = to.getTime();
  if (!(b0 > a0)) return 0;
  let total = 0;
  for (const day of daysFrom(calendar, a0)) {
    let past = false;
    for (const [a, b] of workingIntervals(calendar, day)) {
      if (a >= b0) {
        past = true;
        break;
      }
      total += Math.max(0, Math.min(b, b0) - Math.max(a, a0));
    }
    if (past || earliestMidnight(day) > b0) break;
  }
  return total;
}

/** The earliest instant a local day can begin anywhere (UTC+14), to bound walks safely. */
function earliestMidnight(day: { year: number; month: number; day: number }): number {
  return Date.UTC(day.year, day.month - 1, day.day) - 14 * 3600_000;
}
