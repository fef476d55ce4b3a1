// Who may do what in billing: managers and admins price and issue; technicians log time (and read
// what they need for it); agents see their own bodies' issued statements only.
import type { Actor } from "../access/index.ts";
import { canSeeBody, requireRole } from "../access/index.ts";
import { notFound } from "../errors/index.ts";

export const requireBillingManager = (actor: Actor) => requireRole(actor, "manager", "admin");
export const requireTimeLogger = (actor: Actor) => requireRole(actor, "technician", "manager", "admin");
export const canManageBilling = (actor: Actor) => actor.role === "manager" || actor.role === "admin";

/** An issued statement is visible to staff, and to the agents of its body; anything else is "not found". */
export function assertStatementVisible(
  actor: Actor,
  s: { bodyId: string } | null,
): asserts s is { bodyId: string } {
  if (!s || !canSeeBody(actor, s.bodyId)) throw notFound("statement");
}
