// Incoming e-mails may name anyone and contain anything: only provider staff read the quarantine.
import { requireRole, STAFF_ROLES, type Actor } from "../access/index.ts";

export const requireStaff = (actor: Actor) => requireRole(actor, ...STAFF_ROLES);
