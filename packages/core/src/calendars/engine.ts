// From a stored calendar to the SLA engine's Calendar.
import type { BusinessCalendar, CalendarClosure } from "@mutuo/db";
import type { Calendar } from "../sla/index.ts";

export const dateOnly = (d: Date): string => d.toISOString().slice(0, 10);
export const fromDateOnly = (s: string): Date => new Date(`${s}T00:00:00.000Z`);

export function toEngineCalendar(row: Pick<BusinessCalendar, "timeZone" | "weekly" | "holidayZone"> & { closures?: Pick<CalendarClosure, "startDate" | "endDate">[] }): Calendar {
  return {
    timeZone: row.timeZone,
    weekly: row.weekly as Calendar["weekly"],
    holidayZone: row.holidayZone === "alsace_moselle" ? "alsace-moselle" : row.holidayZone,
    closures: (row.closures ?? []).map((c) => ({ from: dateOnly(c.startDate), to: dateOnly(c.endDate) })),
  };
}
