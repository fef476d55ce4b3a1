import { z } from "zod";
import { isoDateInput } from "../shared/dates.ts";
import { text } from "../shared/text.ts";
import { COLUMN_TYPES, DELIMITERS, MIGRATION_STATUSES } from "./rules.ts";

const uuid = z.uuid();
const name = text().trim().min(1, "required").max(80);

export const targetColumnInput = z.object({
  name: text()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,62}$/, "migration_column_name"),
  label: text().trim().min(1, "required").max(120),
  type: z.enum(COLUMN_TYPES),
  required: z.boolean().default(false),
  maxLength: z.number().int().min(1).max(100_000).optional(),
  values: z.array(text().trim().min(1).max(120)).max(200).optional(),
  unique: z.boolean().optional(),
});

export const crossRuleInput = z.object({ kind: z.literal("date_order"), from: name, to: name });

export const templateInput = z
  .object({
    serviceId: uuid,
    name: text().trim().min(1, "required").max(120),
    columns: z.array(targetColumnInput).min(1, "required").max(200),
    crossRules: z.array(crossRuleInput).max(50).default([]),
    encoding: z.enum(["utf-8", "windows-1252"]).default("utf-8"),
    delimiter: z.enum(DELIMITERS).default(";"),
  })
  .superRefine((t, ctx) => {
    const names = t.columns.map((c) => c.name);
    if (new Set(names).size !== names.length)
      ctx.addIssue({ code: "custom", path: ["columns"], message: "migration_duplicate_column" });
    t.columns.forEach((c, i) => {
      if (c.type === "enum" && !c.values?.length)
        ctx.addIssue({ code: "custom", path: ["columns", i, "values"], message: "required" });
    });
    for (const r of t.crossRules)
      if (!names.includes(r.from) || !names.includes(r.to))
        ctx.addIssue({ code: "custom", path: ["crossRules"], message: "migration_unknown_column" });
  });
export type TemplateInput = z.input<typeof templateInput>;
export const updateTemplateInput = z.object({ id: uuid, template: templateInput });

export const createJobInput = z.object({
  bodyId: uuid,
  serviceId: uuid,
  templateId: uuid,
  title: text().trim().min(1, "required").max(200),
  ownerId: uuid,
  dueOn: isoDateInput.nullish(),
  billingMode: z.enum(["rows", "flat"]).default("rows"),
  flatPriceCents: z.number().int().min(0).max(100_000_000).nullish(),
});
export type CreateJobInput = z.input<typeof createJobInput>;

export const listJobsInput = z.object({
  status: z.enum(MIGRATION_STATUSES).optional(),
  bodyId: uuid.optional(),
  serviceId: uuid.optional(),
  ownerId: uuid.optional(),
  late: z.boolean().optional(),
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListJobsInput = z.input<typeof listJobsInput>;

export const jobIdInput = z.object({ id: uuid });
export const reasonInput = z.object({ id: uuid, reason: text().trim().min(1, "required").max(500) });

export const mappingInput = z.object({
  id: uuid,
  mapping: z.record(text().max(80), text().max(300)).refine((m) => Object.keys(m).length <= 200),
  badRowPolicy: z.enum(["all_or_nothing", "load_valid"]),
  externalKey: text().trim().max(80).nullish(),
});

export const fileSettingsInput = z.object({
  fileId: uuid,
  delimiter: z.enum(DELIMITERS).optional(),
  encoding: z.enum(["utf-8", "windows-1252"]).optional(),
});

export const saveAsTemplateInput = z.object({ id: uuid, name: text().trim().min(1, "required").max(120) });
export const runIdInput = z.object({ runId: uuid });
export const runErrorsInput = z.object({
  runId: uuid,
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const stagingInput = z.object({ id: uuid, limit: z.number().int().min(1).max(100).default(20) });
export const templatesInput = z.object({ serviceId: uuid.optional() });
