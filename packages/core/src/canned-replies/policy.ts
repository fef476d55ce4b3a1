// Canned replies are for provider staff: each person manages their own; managers and admins manage
// the shared ones.
import { forbidden, notFound } from "../errors/index.ts";
import { isStaff, type Actor } from "../access/index.ts";

export function requireStaffMember(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden("provider staff only");
}

export const canManageShared = (actor: Actor) => actor.role === "manager" || actor.role === "admin";

/** May the actor change or delete this reply? Someone else's personal reply does not exist for them. */
export function assertCanEdit(actor: Actor, reply: { ownerId: string | null } | null): void {
  requireStaffMember(actor);
  if (!reply || (reply.ownerId !== null && reply.ownerId !== actor.userId)) throw notFound("canned_reply");
  if (reply.ownerId === null && !canManageShared(actor)) throw forbidden("shared replies: managers only");
}
