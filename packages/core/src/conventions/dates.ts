import { dateOnly, fromDateOnly } from "../shared/dates.ts";
import { isoDate, localDateOf } from "../sla/index.ts";
import { CONVENTION_TIME_ZONE, type ConventionDates, type ConventionStatus } from "./rules.ts";

export { dateOnly, fromDateOnly as toDbDate } from "../shared/dates.ts";
export const optDate = (d: Date | null): string | null => (d ? dateOnly(d) : null);
export const optDbDate = (s: string | null | undefined): Date | null => (s ? fromDateOnly(s) : null);

/** Today's local date where conventions live (Europe/Paris). */
export const localToday = (now: Date): string => isoDate(localDateOf(CONVENTION_TIME_ZONE, now.getTime()));
export const localDateAt = localToday;

export function datesOf(c: {
  status: ConventionStatus;
  startDate: Date;
  endDate: Date | null;
  noticeEffectiveOn: Date | null;
  terminatedOn: Date | null;
}): ConventionDates {
  return {
    status: c.status,
    startDate: dateOnly(c.startDate),
    endDate: optDate(c.endDate),
    noticeEffectiveOn: optDate(c.noticeEffectiveOn),
    terminatedOn: optDate(c.terminatedOn),
  };
}
