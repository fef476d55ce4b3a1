// @mutuo/core/sla — the SLA engine, a pure library: business calendars, French public holidays,
// working-time arithmetic. No database, no I/O; deterministic for a given input.
//
//   addBusinessTime(calendar, start, durationMs): Date
//     the earliest instant at which the working time elapsed since `start` equals durationMs
//   businessTimeBetween(calendar, from, to): number
//     ms of working time between two instants, 0 if to <= from
//   publicHolidays(year, "metropole" | "alsace-moselle"): { date, name }[]
export type { Calendar, IsoWeekday, Slot, DayKind } from "./calendar.ts";
export { ALWAYS_OPEN, daySlots, dayKind, hasWorkingTime, minutesOf, workingIntervals } from "./calendar.ts";
export { addBusinessTime, businessTimeBetween, NoWorkingTimeError } from "./business-time.ts";
export { easterSunday, holidayOn, publicHolidays, type HolidayZone, type PublicHoliday } from "./holidays.ts";
export { previewDays, type PreviewDay } from "./preview.ts";
export {
  isValidTimeZone,
  localDateOf,
  instantOf,
  isoDate,
  parseIsoDate,
  addDays,
  isoWeekday,
  offsetAt,
  type LocalDate,
} from "./zone.ts";
export {
  deadlineWithPauses,
  elapsedWorkingTime,
  pausedBetween,
  targetStatus,
  worstState,
  type Pause,
  type SlaState,
  type TargetClock,
  type TargetStatus,
} from "./deadline.ts";
export { explainDeadline, type ExplainedDay, type ExplainedSegment } from "./explain.ts";
