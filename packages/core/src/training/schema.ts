// Inputs of the training domain. Messages are keys translated in the UI (validation.<key>).
import { z } from "zod";
import { isoDateInput } from "../shared/dates.ts";
import { text } from "../shared/text.ts";
import { SURVEY_QUESTIONS } from "./rules.ts";

const longText = (max = 4000) => text().trim().max(max, "too_long").default("");
const time = text().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time");

export const courseInput = z.object({
  serviceId: z.uuid(),
  title: text().trim().min(3, "title_short").max(200, "too_long"),
  objectives: longText(),
  audience: longText(1000),
  prerequisites: longText(1000),
  durationHalfDays: z.coerce.number().int("invalid").min(1, "duration_positive").max(60, "duration_too_long"),
  format: z.enum(["on_site", "remote"]),
  defaultCapacity: z.coerce.number().int("invalid").min(1, "capacity_positive").max(500, "capacity_too_big"),
});
export type CourseInput = z.input<typeof courseInput>;

export const updateCourseInput = courseInput.extend({ id: z.uuid(), active: z.boolean().default(true) });

export const slotInput = z.object({ date: isoDateInput, start: time, end: time });

export const sessionInput = z
  .object({
    courseId: z.uuid(),
    slots: z.array(slotInput).min(1, "slots_required").max(60, "too_many"),
    address: longText(500),
    room: longText(200),
    remoteLink: z.union([z.literal(""), text().trim().url("url").max(500, "too_long")]).default(""),
    trainerId: z.uuid().nullable().default(null),
    trainerName: longText(200),
    capacity: z.coerce.number().int("invalid").min(1, "capacity_positive").max(500, "capacity_too_big"),
    perBodyLimit: z.coerce
      .number()
      .int("invalid")
      .min(1, "capacity_positive")
      .max(500)
      .nullable()
      .default(null),
    /** Local date (Europe/Paris); default the day before the first slot. */
    registrationDeadline: z.union([z.literal(""), isoDateInput]).default(""),
    dedicatedBodyId: z.uuid().nullable().default(null),
  })
  .superRefine((s, ctx) => {
    s.slots.forEach((slot, i) => {
      if (slot.end <= slot.start)
        ctx.addIssue({ code: "custom", path: ["slots", i, "end"], message: "slot_end_before_start" });
    });
    if (!s.trainerId && !s.trainerName)
      ctx.addIssue({ code: "custom", path: ["trainerName"], message: "trainer_required" });
  });
export type SessionInput = z.input<typeof sessionInput>;

export const updateSessionInput = z.object({ id: z.uuid(), session: sessionInput });

export const listSessionsInput = z.object({
  when: z.enum(["upcoming", "past", "all"]).default("upcoming"),
  courseId: z.uuid().optional(),
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const registerInput = z.object({
  sessionId: z.uuid(),
  /** Someone else (a colleague, or anyone eligible for staff); default the actor. */
  userId: z.uuid().optional(),
  /** The body the person attends for (agents of several bodies); default their only/active one. */
  bodyId: z.uuid().optional(),
});

export const registrationIdInput = z.object({ registrationId: z.uuid() });
export const sessionIdInput = z.object({ id: z.uuid() });
export const slotIdInput = z.object({ slotId: z.uuid() });

export const markInput = z.object({
  slotId: z.uuid(),
  registrationId: z.uuid(),
  status: z.enum(["present", "absent", "excused"]),
});

export const checkInInput = z.object({
  sessionId: z.uuid(),
  code: text()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4,8}$/, "code"),
});

const rating = z.coerce.number().int("rating").min(1, "rating").max(5, "rating");

export const surveyInput = z.object({
  registrationId: z.uuid(),
  ratings: z.object(
    Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, rating])) as Record<
      (typeof SURVEY_QUESTIONS)[number],
      typeof rating
    >,
  ),
  comment: longText(2000),
});

export const consumptionInput = z.object({ bodyId: z.uuid().optional(), conventionId: z.uuid().optional() });

/** Course materials: 20 MB at most each, streamed to the file store. */
export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;

export const materialUploadInput = z.object({
  courseId: z.uuid(),
  fileName: text().trim().min(1, "required").max(200, "too_long"),
  label: text().trim().max(120, "too_long").default(""),
});
export type MaterialUploadInput = z.input<typeof materialUploadInput>;

export const materialIdInput = z.object({ id: z.uuid() });
