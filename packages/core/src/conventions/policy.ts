// Who may see and change conventions. A partner agent sees the conventions their body signed,
// read-only; staff see all; managers and admins change them.
import { notFound } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { bodyScope, canSeeBody, requireRole } from "../access/index.ts";

export const conventionScope = (actor: Actor) => bodyScope(actor, "signatoryBodyId");
export const canManageConventions = (actor: Actor) => actor.role === "manager" || actor.role === "admin";
export const requireConventionManager = (actor: Actor) => requireRole(actor, "manager", "admin");

export function assertConventionVisible(
  actor: Actor,
  convention: { signatoryBodyId: string } | null,
): asserts convention is { signatoryBodyId: string } {
  if (!convention || !canSeeBody(actor, convention.signatoryBodyId)) throw notFound("convention");
}
