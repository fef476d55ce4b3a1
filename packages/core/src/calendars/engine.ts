// From a stored calendar to the SLA engine's Calendar.
import type { BusinessCalendar, CalendarClosure } from "@mutuo/db";
import type { Calendar } from "../sla/index.ts";

import { dateOnly } from "../shared/dates.ts";

export { dateOnly, fromDateOnly } from "../shared/dates.ts";

export function toEngineCalendar(
  row: Pick<BusinessCalendar, "timeZone" | "weekly" | "holidayZone"> & {
    closures?: Pick<CalendarClosure, "startDate" | "endDate">[];
  },
): Calendar {
  return {
    timeZone: row.timeZone,
    weekly: row.weekly as Calendar["weekly"],
    holidayZone: row.holidayZone === "alsace_moselle" ? "alsace-moselle" : row.holidayZone,
    closures: (row.closures ?? []).map((c) => ({ from: dateOnly(c.startDate), to: dateOnly(c.endDate) })),
  };
}
