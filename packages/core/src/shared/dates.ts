// Local calendar dates ("YYYY-MM-DD") as stored in `@db.Date` columns (UTC midnight) and as inputs.
import { z } from "zod";
import { text } from "./text.ts";

export const dateOnly = (d: Date): string => d.toISOString().slice(0, 10);
export const fromDateOnly = (s: string): Date => new Date(`${s}T00:00:00.000Z`);

/** A "YYYY-MM-DD" input that is a real date; the message key is "date". */
export const isoDateInput = text()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "date");

const EARLIEST = new Date("1900-01-01T00:00:00Z");
const LATEST = new Date("2999-12-31T23:59:59Z");

/** An instant input (Date, ISO string or epoch ms) within years 1900–2999: JavaScript dates reach far
 * beyond what PostgreSQL stores, and such a date is a typing error, not a crash. */
export const instantInput = (message = "date") =>
  z.coerce.date({ message }).min(EARLIEST, message).max(LATEST, message);
