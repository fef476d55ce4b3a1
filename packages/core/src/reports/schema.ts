// Inputs of the reports: a report, its period, its filters; subscriptions.
import { z } from "zod";
import { text } from "../shared/text.ts";

const month = text().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "report_month");

/** A period: a month, quarter or year given by one of its months, or a range of months. */
export const periodInput = z.union([
  z.object({ kind: z.enum(["month", "quarter", "year"]), month }),
  z.object({ kind: z.literal("custom"), from: month, to: month }),
]);
export type PeriodInput = z.infer<typeof periodInput>;

export const reportIdInput = text().trim().min(1).max(40);

/** Filters stay strings here: each report checks them with its own schema. */
export const filtersInput = z.record(text().max(40), text().max(500)).default({});

export const readReportInput = z.object({
  reportId: reportIdInput,
  period: periodInput,
  filters: filtersInput,
});
export type ReadReportInput = z.infer<typeof readReportInput>;

export const breachesInput = readReportInput.extend({ cursor: text().max(500).optional() });

export const exportFormats = ["csv", "xlsx", "pdf"] as const;
export const exportInput = readReportInput.extend({ format: z.enum(exportFormats) });

export const subscriptionInput = z.object({
  reportId: reportIdInput,
  label: text().trim().min(1, "required").max(200),
  filters: filtersInput,
  frequency: z.enum(["weekly", "monthly", "quarterly"]),
  endsOn: text()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  toManagers: z.boolean().default(false),
  agentsOfBodyId: z.uuid().optional(),
  emails: z
    .array(
      text()
        .trim()
        .toLowerCase()
        .pipe(z.email({ message: "email" })),
    )
    .max(20)
    .default([]),
  format: z.enum(["pdf", "link"]).default("pdf"),
});
export type SubscriptionInput = z.infer<typeof subscriptionInput>;

export const subscriptionUpdateInput = subscriptionInput.omit({ reportId: true }).extend({ id: z.uuid() });
export type SubscriptionUpdateInput = z.infer<typeof subscriptionUpdateInput>;

export const idInput = z.object({ id: z.uuid() });
export const pauseInput = z.object({ id: z.uuid(), paused: z.boolean() });
export const runsInput = z.object({ cursor: text().max(500).optional() });
