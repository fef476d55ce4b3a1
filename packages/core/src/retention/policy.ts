import type { Actor } from "../access/index.ts";
import { requireRole } from "../access/index.ts";

/** Retention is an administrator's matter: the setting, and the list of what will be anonymised. */
export function requireRetentionAdmin(actor: Actor): void {
  requireRole(actor, "admin");
}
