// What a calendar means over the coming days, for people: per local day, its kind and open slots.
import { dayKind, daySlots, type Calendar } from "./calendar.ts";
import { addDays, isoDate, isoWeekday, parseIsoDate } from "./zone.ts";

export interface PreviewDay {
  date: string;
  weekday: number;
  kind: "open" | "holiday" | "closure";
  holiday?: string;
  slots: { from: string; to: string }[];
  minutes: number;
}

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

export function previewDays(calendar: Calendar, startDate: string, count: number): PreviewDay[] {
  const start = parseIsoDate(startDate);
  return Array.from({ length: count }, (_, i) => {
    const d = addDays(start, i);
    const date = isoDate(d);
    const kind = dayKind(calendar, date);
    const slots = kind.kind === "open" ? daySlots(calendar, isoWeekday(d)) : [];
    return {
      date,
      weekday: isoWeekday(d),
      kind: kind.kind,
      ...(kind.kind === "holiday" ? { holiday: kind.name } : {}),
      slots: slots.map(([a, b]) => ({ from: hhmm(a), to: hhmm(b) })),
      minutes: slots.reduce((n, [a, b]) => n + b - a, 0),
    };
  });
}
