import { z } from "zod";
import { text } from "../shared/text.ts";

const uuid = z.uuid();

export const cannedReplyFields = z.object({
  title: text().trim().min(2, "required").max(120),
  body: text().trim().min(2, "required").max(10_000),
  /** Shared with every technician (managers and admins only), or the author's own. */
  shared: z.boolean().default(false),
});
export const createCannedReplyInput = cannedReplyFields;
export const updateCannedReplyInput = cannedReplyFields.extend({ id: uuid });
export const cannedReplyIdInput = z.object({ id: uuid });
export const cannedForTicketInput = z.object({ ticketId: uuid });
