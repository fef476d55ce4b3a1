// Time-zone arithmetic on IANA zones with nothing but Intl: the UTC offset at an instant, an
// instant's local date, and the instant of a local wall-clock time (DST gaps resolve forward).

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(timeZone: string, instant: number): WallClock {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
  };
}

/** Offset of local time from UTC at `instant`, in ms (Europe/Paris: +3 600 000 in winter). */
export function offsetAt(timeZone: string, instant: number): number {
  const w = wallClock(timeZone, instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/** A local calendar date, e.g. { year: 2026, month: 4, day: 6 }. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export function localDateOf(timeZone: string, instant: number): LocalDate {
  const w = wallClock(timeZone, instant);
  return { year: w.year, month: w.month, day: w.day };
}

/** The instant at which local time in `timeZone` reads `date` + `minutes` past midnight (1440 = next midnight). */
export function instantOf(timeZone: string, date: LocalDate, minutes: number): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const first = guess - offsetAt(timeZone, guess);
  const second = guess - offsetAt(timeZone, first);
  if (first === second) return first;
  // A DST transition lies between: prefer the reading that round-trips, else the later one (gap).
  const roundTrips = (t: number) => t + offsetAt(timeZone, t) === guess;
  if (roundTrips(second)) return second;
  if (roundTrips(first)) return first;
  return Math.max(first, second);
}

export const isoDate = (d: LocalDate): string =>
  `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

export function parseIsoDate(s: string): LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new RangeError(`not a date: ${s}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function addDays(d: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: LocalDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return (w === 0 ? 7 : w) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}
