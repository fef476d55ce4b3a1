// Inputs of the loans domain. Message keys are translated by the web app (validation.*).
import { z } from "zod";
import { instantInput, isoDateInput } from "../shared/dates.ts";
import { text } from "../shared/text.ts";

const line = (max = 500) => text().trim().max(max);
/** A local date within years 1900–2999 (PostgreSQL has no year 0; such a date is a typing error). */
const day = isoDateInput.refine((s) => s >= "1900-01-01" && s <= "2999-12-31", "date");

export const createLoanInput = z.object({
  bodyId: z.uuid(),
  conventionId: z.uuid(),
  assetIds: z.array(z.uuid()).min(1, "loan_assets_required").max(200),
  startDate: day,
  endDate: day,
  address: line(300).min(3, "required"),
  contactName: line(120).min(2, "required"),
  contactPhone: line(40).default(""),
  notes: line(2000).default(""),
});
export type CreateLoanInput = z.input<typeof createLoanInput>;

export const listLoansInput = z.object({
  bodyId: z.uuid().optional(),
  status: z
    .enum([
      "draft",
      "inventory_signed",
      "in_service",
      "return_in_progress",
      "returned",
      "lost",
      "stolen",
      "cancelled",
    ])
    .optional(),
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(30),
});
export type ListLoansInput = z.input<typeof listLoansInput>;

const condition = z.enum(["new", "good", "worn", "damaged"]);

export const inventoryInput = z.object({
  loanId: z.uuid(),
  items: z
    .array(
      z.object({
        assetId: z.uuid(),
        condition,
        accessories: line(300).default(""),
        remark: line(500).default(""),
      }),
    )
    .max(200),
  accessories: z
    .array(
      z.object({
        label: line(120).min(1, "required"),
        quantity: z.coerce.number().int("quantity").min(1, "quantity").max(999, "quantity"),
        remark: line(300).default(""),
      }),
    )
    .max(100)
    .default([]),
  tests: z
    .array(
      z.object({
        tag: line(40),
        test: line(200).min(1, "required"),
        result: z.enum(["ok", "ko", ""]),
        remark: line(300).default(""),
      }),
    )
    .max(500)
    .default([]),
});

export const returnInput = z.object({
  loanId: z.uuid(),
  items: z
    .array(
      z.object({
        assetId: z.uuid(),
        outcome: z.enum(["same", "damaged", "missing"]),
        remark: line(500).default(""),
        wipeMethod: line(200).default(""),
        wipeBy: line(120).default(""),
        wipeAt: z.union([day, z.literal("")]).default(""),
      }),
    )
    .max(200),
  accessories: z
    .array(
      z.object({
        label: line(120).min(1, "required"),
        returned: z.coerce.number().int("quantity").min(0, "quantity").max(999, "quantity"),
        remark: line(300).default(""),
      }),
    )
    .max(100)
    .default([]),
});

export const documentRef = z.object({
  documentId: z.uuid(),
  /** The fingerprint of the content the person saw: refused if the document changed since. */
  sha256: text().regex(/^[0-9a-f]{64}$/, "sha256"),
});

export const onSiteSignOffInput = documentRef.extend({
  email: text().trim().toLowerCase().email("email").max(200),
  password: text().max(200).default(""),
  code: text().trim().max(20).default(""),
});

export const requestCodeInput = z.object({
  documentId: z.uuid(),
  email: text().trim().toLowerCase().email("email").max(200),
});

export const declareLossInput = z.object({
  loanId: z.uuid(),
  kind: z.enum(["loss", "theft"]),
  assetIds: z.array(z.uuid()).min(1, "loss_assets_required").max(200),
  discoveredAt: instantInput("discoveredAt"),
  circumstances: line(4000).min(5, "required"),
  policeReportRef: line(100).default(""),
});

export const claimInput = z.object({
  declarationId: z.uuid(),
  claimStatus: z.enum(["not_declared", "declared", "accepted", "refused"]),
});

export const lossFileInput = z.object({
  declarationId: z.uuid(),
  /** proofOfInsurance or insurerAnswer: the field named in a refusal. */
  field: z.enum(["proofOfInsurance", "insurerAnswer"]),
  name: line(200).min(1, "required"),
  mimeType: text().max(120),
  contentBase64: text().max(15_000_000),
});

export const remedyInput = z.object({
  declarationId: z.uuid(),
  remedy: z.enum(["repair", "replacement"]),
  replacementSerial: line(100).default(""),
  remedyNote: line(2000).default(""),
});

export const reserveInput = z.object({
  assetId: z.uuid(),
  bodyId: z.uuid().nullish(),
  startDate: day,
  endDate: day,
  purpose: line(300).default(""),
});

export const calendarInput = z.object({
  /** First day shown (a Monday for a week view); 6 weeks from there. */
  from: day,
  weeks: z.number().int().min(1).max(8).default(6),
});

export const templateInput = z.object({
  kindId: z.uuid(),
  tests: z.array(line(200).min(1, "required")).max(40),
});

export const loanIdInput = z.object({ id: z.uuid() });
export const assetIdInput = z.object({ assetId: z.uuid() });
