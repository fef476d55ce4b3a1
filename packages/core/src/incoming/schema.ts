import { z } from "zod";
import { CATEGORIES, LEVELS } from "../tickets/index.ts";
import { text } from "../shared/text.ts";

const uuid = text().uuid();

export const INCOMING_VIEWS = ["quarantined", "all"] as const;

export const listIncomingInput = z.object({
  view: z.enum(INCOMING_VIEWS).default("quarantined"),
  cursor: text().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListIncomingInput = z.input<typeof listIncomingInput>;

/** Accept a quarantined e-mail: as a new ticket (the technician qualifies it), or as a reply to the ticket it answers. */
export const acceptIncomingInput = z.discriminatedUnion("as", [
  z.object({ id: uuid, as: z.literal("reply") }),
  z.object({
    id: uuid,
    as: z.literal("ticket"),
    bodyId: uuid,
    serviceId: uuid,
    category: z.enum(CATEGORIES),
    impact: z.enum(LEVELS),
    urgency: z.enum(LEVELS),
    declarantName: text().trim().min(2, "required").max(120),
  }),
]);
export type AcceptIncomingInput = z.input<typeof acceptIncomingInput>;

export const incomingIdInput = z.object({ id: uuid });
