// Local calendar dates ("YYYY-MM-DD") as stored in `@db.Date` columns (UTC midnight) and as inputs.
import { z } from "zod";

export const dateOnly = (d: Date): string => d.toISOString().slice(0, 10);
export const fromDateOnly = (s: string): Date => new Date(`${s}T00:00:00.000Z`);

/** A "YYYY-MM-DD" input that is a real date; the message key is "date". */
export const isoDateInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "date");
