// THE isolation rule, in one place: a partner agent sees only what belongs to their own bodies;
// provider staff (technician, manager, admin) see all bodies, with the rights of their role.
// Every domain's policy builds on these functions.
import type { Role } from "@mutuo/db";
import { forbidden, notFound, unauthenticated } from "../errors/index.ts";
import { isStaff, type Actor } from "./actor.ts";

/** Bodies whose data the actor may see: "all" for staff, else the agent's (active) bodies. */
export function visibleBodyIds(actor: Actor): "all" | string[] {
  if (isStaff(actor)) return "all";
  if (actor.activeBodyId && actor.bodyIds.includes(actor.activeBodyId)) return [actor.activeBodyId];
  return actor.bodyIds;
}

/** A Prisma `where` fragment restricting a body-owned model to what the actor may see. */
export function bodyScope(actor: Actor, field = "bodyId"): Record<string, unknown> {
  const ids = visibleBodyIds(actor);
  return ids === "all" ? {} : { [field]: { in: ids } };
}

export function canSeeBody(actor: Actor, bodyId: string | null | undefined): boolean {
  const ids = visibleBodyIds(actor);
  return ids === "all" || (!!bodyId && ids.includes(bodyId));
}

/** Refuses access to another body's object as if it did not exist (no existence leak). */
export function assertBodyVisible(actor: Actor, bodyId: string | null | undefined, what = "object"): void {
  if (!canSeeBody(actor, bodyId)) throw notFound(what);
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) throw forbidden(`requires role ${roles.join(" or ")}`);
}

export const canManageBodies = (actor: Actor) => actor.role === "manager" || actor.role === "admin";
export const canManagePeople = (actor: Actor) => actor.role === "admin";
