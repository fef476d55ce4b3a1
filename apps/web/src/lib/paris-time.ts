// "datetime-local" values are wall-clock time in Europe/Paris, where people work; stored as UTC.
import { instantOf, isoDate, localDateOf, offsetAt } from "@mutuo/core/sla";

const ZONE = "Europe/Paris";

/** "2026-11-20T18:30" read as Paris time; Invalid Date if malformed (zod then names the field). */
export function parisLocalToDate(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return new Date(Number.NaN);
  return new Date(
    instantOf(
      ZONE,
      { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
      Number(m[4]) * 60 + Number(m[5]),
    ),
  );
}

/** The value of a "datetime-local" input for an instant, in Paris time. */
export function dateToParisLocal(d: Date): string {
  const local = new Date(d.getTime() + offsetAt(ZONE, d.getTime()));
  return `${isoDate(localDateOf(ZONE, d.getTime()))}T${local.toISOString().slice(11, 16)}`;
}
