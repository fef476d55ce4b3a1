import { z } from "zod";
import { isValidInseeCode, isValidSiret } from "./siret.ts";
import { MIN_PASSWORD_LENGTH } from "./credentials.ts";
import { text } from "../shared/text.ts";

export const bodyKinds = ["provider", "commune", "ccas", "cias", "association", "other"] as const;
export const partnerKinds = ["commune", "ccas", "cias", "association", "other"] as const;
export const roles = ["agent", "technician", "manager", "admin"] as const;

export const listBodiesInput = z.object({
  kind: z.enum(bodyKinds).optional(),
  q: text().trim().max(100).optional(),
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListBodiesInput = z.input<typeof listBodiesInput>;

export const listPeopleInput = z.object({
  q: text().trim().max(100).optional(),
  bodyId: z.uuid().optional(),
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});

const optionalText = (max: number) =>
  text()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const bodyInput = z
  .object({
    legalName: text().trim().min(2, "required").max(200),
    kind: z.enum(partnerKinds),
    siret: text()
      .transform((v) => v.replace(/\s/g, ""))
      .refine(isValidSiret, "siret"),
    inseeCode: optionalText(5).refine((v) => v === null || isValidInseeCode(v), "insee"),
    population: z.number().int().min(0).max(10_000_000).optional().nullable(),
    populationYear: z.number().int().min(1990).max(2100).optional().nullable(),
    communeId: text().uuid().optional().nullable(),
    addressLine: optionalText(200),
    postalCode: optionalText(10),
    city: optionalText(100),
    dpoName: optionalText(100),
    dpoEmail: text()
      .trim()
      .email("email")
      .max(200)
      .optional()
      .nullable()
      .or(z.literal("").transform(() => null)),
    status: z.enum(["active", "former"]).default("active"),
  })
  .superRefine((b, ctx) => {
    if (b.kind === "commune" && !b.inseeCode)
      ctx.addIssue({ code: "custom", path: ["inseeCode"], message: "insee_required" });
    if ((b.kind === "ccas" || b.kind === "cias") && !b.communeId)
      ctx.addIssue({ code: "custom", path: ["communeId"], message: "commune_required" });
    if (b.population != null && b.populationYear == null)
      ctx.addIssue({ code: "custom", path: ["populationYear"], message: "year_required" });
  });
export type BodyInput = z.input<typeof bodyInput>;

export const password = text().min(MIN_PASSWORD_LENGTH, "password_length").max(200);

export const signInInput = z.object({
  email: text().trim().toLowerCase().email("email").max(200),
  password: text().min(1).max(200),
});
export const inviteInput = z.object({
  email: text().trim().toLowerCase().email("email").max(200),
  name: text().trim().min(2, "required").max(120),
  role: z.enum(roles),
  bodyIds: z.array(text().uuid()).max(20).default([]),
  locale: z.enum(["fr", "en"]).default("fr"),
});
export type InviteInput = z.input<typeof inviteInput>;

export const updatePersonInput = z.object({
  userId: text().uuid(),
  name: text().trim().min(2, "required").max(120),
  phone: text().trim().max(30).optional().nullable(),
  role: z.enum(roles),
  bodyIds: z.array(text().uuid()).max(20),
  active: z.boolean(),
});
