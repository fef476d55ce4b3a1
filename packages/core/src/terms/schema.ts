import { z } from "zod";
import { text } from "../shared/text.ts";

export const PRIORITIES = ["critical", "high", "medium", "low"] as const;
export const CHANNELS = ["portal", "email", "phone", "letter"] as const;
export const BASES = ["clock", "business"] as const;
export type PriorityName = (typeof PRIORITIES)[number];

const minutes = z
  .number()
  .int("invalid")
  .min(1, "duration_positive")
  .max(60 * 24 * 366, "duration_too_long");

export const targetInput = z
  .object({
    priority: z.enum(PRIORITIES),
    interventionMinutes: minutes,
    interventionBasis: z.enum(BASES),
    resolutionMinutes: minutes,
    resolutionBasis: z.enum(BASES),
    warningPercent: z.number().int("invalid").min(1, "percent").max(99, "percent"),
  })
  .refine((t) => t.resolutionMinutes >= t.interventionMinutes, {
    path: ["resolutionMinutes"],
    message: "resolution_before_intervention",
  });

/** A service's terms: calendar, channels, equipment covered, and targets for each priority. */
export const termSetInput = z
  .object({
    calendarId: text().uuid().nullable(),
    channels: z.array(z.enum(CHANNELS)).min(1, "channels_required"),
    equipmentCovered: text().trim().max(2000).default(""),
    /** Training days included for this service (« jours de formation inclus »). */
    trainingDaysIncluded: z.coerce
      .number()
      .int("invalid")
      .min(0, "days_range")
      .max(365, "days_range")
      .default(0),
    targets: z.array(targetInput).length(PRIORITIES.length, "all_priorities"),
  })
  .superRefine((t, ctx) => {
    const seen = new Set(t.targets.map((x) => x.priority));
    if (seen.size !== PRIORITIES.length)
      ctx.addIssue({ code: "custom", path: ["targets"], message: "all_priorities" });
    const business = t.targets.some(
      (x) => x.interventionBasis === "business" || x.resolutionBasis === "business",
    );
    if (business && !t.calendarId)
      ctx.addIssue({ code: "custom", path: ["calendarId"], message: "calendar_required" });
  });

export type TermSetInput = z.input<typeof termSetInput>;
export type TermSetValues = z.output<typeof termSetInput>;
