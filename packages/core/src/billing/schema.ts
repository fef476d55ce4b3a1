import { z } from "zod";
import { isoDateInput as isoDate } from "../shared/dates.ts";
import { text } from "../shared/text.ts";
import { LINE_KINDS } from "./rules-coding.ts";
import { TIME_PROFILES } from "./rules-grid.ts";

const uuid = text().uuid();
const MAX_CENTS = 1_000_000_000_00;
const cents = z.number().int("integer").min(0, "negative_price").max(MAX_CENTS, "too_large");
const year = z.number().int().min(2000, "year").max(2100, "year");
const rate = z.number().min(0, "rate_range").max(100, "rate_range");
const BODY_KINDS = ["commune", "ccas", "cias", "association", "other"] as const;

export const subscriptionInput = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("none") }),
  z.object({ mode: z.literal("flat"), priceCents: cents }),
  z.object({
    mode: z.literal("bracket"),
    brackets: z
      .array(z.object({ upTo: z.number().int().min(1).max(100_000_000).nullable(), priceCents: cents }))
      .min(1, "required")
      .max(30),
  }),
  z.object({ mode: z.literal("per_inhabitant"), centsPerInhabitant: cents }),
]);

export const migrationInput = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("none") }),
  z.object({ mode: z.literal("flat"), priceCents: cents }),
  z.object({
    mode: z.literal("bands"),
    bands: z
      .array(z.object({ upToRows: z.number().int().min(1).max(1e12).nullable(), priceCents: cents }))
      .min(1, "required")
      .max(30),
  }),
]);

export const gridInput = z
  .object({
    serviceId: uuid,
    label: text().trim().min(1, "required").max(200),
    validFrom: isoDate,
    validTo: isoDate.nullish(),
    free: z.boolean().default(false),
    subscription: subscriptionInput,
    initialisationCents: cents.default(0),
    trainingDayCents: cents.default(0),
    trainingSessionCents: cents.default(0),
    trainingParticipantCents: cents.default(0),
    lateCancellationCents: cents.default(0),
    migration: migrationInput.default({ mode: "none" }),
    hourlyRates: z.partialRecord(z.enum(TIME_PROFILES), cents).default({}),
  })
  .superRefine((g, ctx) => {
    if (g.validTo && g.validTo < g.validFrom)
      ctx.addIssue({ code: "custom", path: ["validTo"], message: "end_before_start" });
  });
export type GridInput = z.input<typeof gridInput>;

export const updateGridInput = z.object({ id: uuid, grid: gridInput });
/** The next version of a grid, made from an existing one: it takes over from its own start date. */
export const nextGridInput = z.object({ fromId: uuid, grid: gridInput });

export const planInput = z
  .object({
    name: text().trim().min(1, "required").max(200),
    serviceId: uuid.nullish(),
    deliberationRef: text().trim().max(80).default(""),
    globalCostCents: cents,
    periodFrom: isoDate,
    periodTo: isoDate,
    populationYear: year,
    groupWeights: z
      .partialRecord(z.enum(["commune", "ccas", "association", "other"]), z.number().min(0).max(1000))
      .nullish(),
    providerRates: z.partialRecord(z.enum(["commune", "ccas", "association", "other"]), rate),
    memberIds: z.array(uuid).min(1, "required").max(500),
  })
  .superRefine((p, ctx) => {
    if (p.periodTo < p.periodFrom)
      ctx.addIssue({ code: "custom", path: ["periodTo"], message: "end_before_start" });
  });
export type PlanInput = z.input<typeof planInput>;
export const updatePlanInput = z.object({ id: uuid, plan: planInput });

const timeFields = {
  workedOn: isoDate,
  minutes: z
    .number()
    .int()
    .min(1, "duration")
    .max(24 * 60, "duration"),
  profile: z.enum(TIME_PROFILES),
  billable: z.boolean().default(true),
  comment: text().trim().max(500).default(""),
};
export const timeEntryInput = z.object({ ticketId: uuid, ...timeFields });
export type TimeEntryInput = z.input<typeof timeEntryInput>;
/** Time spent on a data-migration job (billable as a specific adaptation, like a ticket's). */
export const jobTimeEntryInput = z.object({ migrationJobId: uuid, ...timeFields });
export type JobTimeEntryInput = z.input<typeof jobTimeEntryInput>;
export const jobTimeQuery = z.object({ migrationJobId: uuid });

export const budgetCodeInput = z.object({
  serviceId: uuid.nullish(),
  lineKind: z.enum(LINE_KINDS),
  bodyKind: z.enum(BODY_KINDS),
  fromYear: year,
  chapter: text()
    .trim()
    .regex(/^[0-9A-Za-z]{1,10}$/, "budget_code"),
  article: text()
    .trim()
    .regex(/^[0-9A-Za-z]{1,10}$/, "budget_code"),
  function: text()
    .trim()
    .regex(/^[0-9A-Za-z]{1,10}$/, "budget_code"),
});

export const periodInput = z.object({ bodyId: uuid, from: isoDate, to: isoDate }).superRefine((p, ctx) => {
  if (p.to < p.from) ctx.addIssue({ code: "custom", path: ["to"], message: "end_before_start" });
  else if (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4)) > 5)
    ctx.addIssue({ code: "custom", path: ["to"], message: "period_too_long" });
});

export const yearInput = z.object({ year });
export const listStatementsInput = z.object({ year: year.optional(), bodyId: uuid.optional() });

export const paymentInput = z.object({
  statementId: uuid,
  amountCents: z.number().int().min(1, "negative_price").max(MAX_CENTS, "too_large"),
  paidOn: isoDate,
  reference: text().trim().max(100).default(""),
});

export const creditNoteInput = z.object({
  statementId: uuid,
  lineIndex: z.number().int().min(0).max(10_000).nullish(),
  amountCents: z.number().int().min(1, "negative_price").max(MAX_CENTS, "too_large"),
  reason: text().trim().min(1, "required").max(500),
});

export const invoicingInput = z.object({
  bodyId: uuid,
  invoicingRequirement: z.enum(["none", "service_code", "commitment", "both"]),
  invoicingServiceCode: text().trim().max(100).nullish(),
  commitmentNumber: text().trim().max(50).nullish(),
});

export const waiverInput = z.object({ conventionId: uuid, waived: z.boolean() });
