import { z } from "zod";

export const bodyKinds = ["provider", "commune", "ccas", "cias", "association", "other"] as const;

export const listBodiesInput = z.object({
  kind: z.enum(bodyKinds).optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListBodiesInput = z.input<typeof listBodiesInput>;
