import { z } from "zod";
import { termSetInput } from "../terms/index.ts";

export const CONVENTION_STATUSES = ["draft", "active", "notice_given", "terminated", "expired"] as const;
export const RENEWAL_RULES = ["none", "tacit", "explicit"] as const;

export { isoDateInput as isoDate } from "../shared/dates.ts";
import { isoDateInput as isoDate } from "../shared/dates.ts";
import { text } from "../shared/text.ts";
const uuid = text().uuid();

export const conventionInput = z
  .object({
    title: text().trim().min(1, "required").max(200),
    deliberationRef: text().trim().min(1, "required").max(80),
    signatoryBodyId: uuid,
    /** Defaults to the signatory (a commune) or the commune it belongs to (CCAS/CIAS). */
    communeBodyId: uuid.nullish(),
    startDate: isoDate,
    endDate: isoDate.nullish(),
    renewalRule: z.enum(RENEWAL_RULES).default("none"),
    renewalYears: z.number().int().min(1, "renewal_years").max(10, "renewal_years").nullish(),
    noticeMonths: z.number().int().min(0).max(60).default(0),
  })
  .superRefine((c, ctx) => {
    if (c.endDate && c.endDate < c.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "end_before_start" });
    if (c.renewalRule !== "none" && !c.endDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "end_required_for_renewal" });
    if (c.renewalRule === "tacit" && !c.renewalYears)
      ctx.addIssue({ code: "custom", path: ["renewalYears"], message: "renewal_years" });
  });
export type ConventionInput = z.input<typeof conventionInput>;

export const listConventionsInput = z.object({
  bodyId: uuid.optional(),
  serviceId: uuid.optional(),
  status: z.enum(CONVENTION_STATUSES).optional(),
  endBefore: isoDate.optional(),
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListConventionsInput = z.input<typeof listConventionsInput>;

export const versionTermsInput = z.object({ versionId: uuid, serviceId: uuid, terms: termSetInput });
export const versionServiceInput = z.object({ versionId: uuid, serviceId: uuid });

export const amendInput = z.object({
  conventionId: uuid,
  effectiveFrom: isoDate,
  deliberationRef: text().trim().max(80).optional(),
  summary: text().trim().min(1, "required").max(2000),
});

export const noticeInput = z.object({
  conventionId: uuid,
  noticeDate: isoDate,
  givenBy: z.enum(["partner", "provider"]),
  note: text().trim().max(500).optional(),
});

export const terminateInput = z.object({
  conventionId: uuid,
  terminatedOn: isoDate,
  reason: text().trim().min(1, "required").max(500),
});
export const renewInput = z.object({ conventionId: uuid, newEndDate: isoDate });
export const termsOnInput = z.object({ conventionId: uuid, date: isoDate });

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
] as const;

export const documentInput = z.object({
  conventionId: uuid,
  versionId: uuid.nullish(),
  label: text().trim().min(1, "required").max(200),
  fileName: text().trim().min(1, "required").max(200),
  mimeType: z.enum(DOCUMENT_TYPES, { message: "file_type" }),
  contentBase64: text()
    .min(1, "required")
    .max(Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 4, "file_too_large"),
});
