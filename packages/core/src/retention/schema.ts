import { z } from "zod";
import { text } from "../shared/text.ts";
import { MAX_DECLARANT_MONTHS, MIN_DECLARANT_MONTHS } from "./rules.ts";

/** The administrator's retention setting. */
export const retentionSettingsInput = z.object({
  declarantMonths: z
    .number({ message: "retention_months" })
    .int("retention_months")
    .min(MIN_DECLARANT_MONTHS, "retention_months")
    .max(MAX_DECLARANT_MONTHS, "retention_months"),
});

/** A page of what the next run will anonymise. */
export const retentionPreviewInput = z.object({
  cursor: text().max(500).optional(),
  /** Part of a ticket number, a declarant's name or a body's name. */
  q: text().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export type RetentionSettingsInput = z.input<typeof retentionSettingsInput>;
export type RetentionPreviewInput = z.input<typeof retentionPreviewInput>;
