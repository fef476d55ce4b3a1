import { z } from "zod";
import { isoDateInput as isoDate } from "../shared/dates.ts";
import { isValidTimeZone, minutesOf } from "../sla/index.ts";
import { text } from "../shared/text.ts";

/** Minutes of "HH:MM", NaN when malformed (the format check reports it; comparisons stay false). */
function safeMinutes(s: string): number {
  try {
    return minutesOf(s);
  } catch {
    return Number.NaN;
  }
}

const hhmm = text().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "time");
const slot = z
  .object({ from: hhmm, to: hhmm })
  .refine((s) => !(safeMinutes(s.to) <= safeMinutes(s.from)), { path: ["to"], message: "slot_order" });
const day = z.array(slot).max(6);

export const weeklyInput = z
  .object({ 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day })
  .partial()
  .superRefine((w, ctx) => {
    for (const [d, slots] of Object.entries(w)) {
      const sorted = [...(slots ?? [])].sort((a, b) => safeMinutes(a.from) - safeMinutes(b.from));
      for (let i = 1; i < sorted.length; i++) {
        if (safeMinutes(sorted[i]!.from) < safeMinutes(sorted[i - 1]!.to))
          ctx.addIssue({ code: "custom", path: [d], message: "slots_overlap" });
      }
    }
    if (!Object.values(w).some((s) => (s?.length ?? 0) > 0))
      ctx.addIssue({ code: "custom", path: [], message: "no_working_time" });
  });

export const HOLIDAY_ZONES = ["metropole", "alsace_moselle", "none"] as const;

export const calendarInput = z.object({
  name: text().trim().min(1, "required").max(120),
  timeZone: text().trim().refine(isValidTimeZone, "time_zone").default("Europe/Paris"),
  holidayZone: z.enum(HOLIDAY_ZONES).default("metropole"),
  weekly: weeklyInput,
});
export type CalendarInput = z.input<typeof calendarInput>;

export const closureInput = z
  .object({
    calendarId: text().uuid(),
    startDate: isoDate,
    endDate: isoDate,
    label: text().trim().min(1, "required").max(200),
  })
  .refine((c) => c.endDate >= c.startDate, { path: ["endDate"], message: "end_before_start" });
export type ClosureInput = z.input<typeof closureInput>;

export const previewInput = z.object({
  id: text().uuid(),
  from: isoDate.optional(),
  days: z.number().int().min(1).max(120).default(28),
});
