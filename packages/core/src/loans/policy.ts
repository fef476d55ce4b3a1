// Who may see and do what with loans. Staff (technicians, managers, admins) manage loans and
// reservations; a partner agent sees their own bodies' loans, validates their documents and
// declares losses — another body's loan does not exist for them.
import type { Actor } from "../access/index.ts";
import { bodyScope, canSeeBody, isStaff, requireRole } from "../access/index.ts";
import { notFound } from "../errors/index.ts";

export const loanScope = (actor: Actor) => bodyScope(actor, "bodyId");
export const canManageLoans = (actor: Actor) => isStaff(actor);
export const requireLoanStaff = (actor: Actor) => requireRole(actor, "technician", "manager", "admin");

export function assertLoanVisible<T extends { bodyId: string }>(
  actor: Actor,
  loan: T | null,
): asserts loan is T {
  if (!loan || !canSeeBody(actor, loan.bodyId)) throw notFound("loan");
}
