import { z } from "zod";
import { termSetInput } from "../terms/index.ts";
import { text } from "../shared/text.ts";

export const serviceInput = z.object({
  code: text()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, "service_code"),
  name: text().trim().min(1, "required").max(120),
  description: text().trim().max(4000).default(""),
  active: z.boolean().default(true),
  lendsEquipment: z.boolean().default(false),
  /** Alerted of every new ticket of the service; left out: unchanged. */
  alertEmail: z.union([z.literal(""), text().trim().toLowerCase().email("email").max(320)]).optional(),
  alertUserIds: z.array(z.uuid()).max(50).optional(),
});
export type ServiceInput = z.input<typeof serviceInput>;

export const defaultTermsInput = z.object({ serviceId: text().uuid(), terms: termSetInput });
