// Who may see and change a saved queue view: a person's own views are theirs alone (another
// person's are "not found"); shared views are read by all staff and written by managers and
// admins. Partner agents have no queue, hence no views.
import { forbidden, notFound } from "../../errors/index.ts";
import type { Actor } from "../../access/index.ts";
import { requireStaff } from "../policy.ts";

interface ViewRow {
  ownerId: string;
  shared: boolean;
}

export const canShareViews = (actor: Actor) => actor.role === "manager" || actor.role === "admin";

export function canSeeView(actor: Actor, view: ViewRow): boolean {
  return view.shared || view.ownerId === actor.userId;
}

export function canEditView(actor: Actor, view: ViewRow): boolean {
  return view.shared ? canShareViews(actor) : view.ownerId === actor.userId;
}

export function assertViewEditable(actor: Actor, view: ViewRow | null): asserts view is ViewRow {
  requireStaff(actor);
  if (!view || !canSeeView(actor, view)) throw notFound("view");
  if (!canEditView(actor, view)) throw forbidden("shared views are managed by managers");
}

export function requireMayCreate(actor: Actor, shared: boolean): void {
  requireStaff(actor);
  if (shared && !canShareViews(actor)) throw forbidden("shared views are managed by managers");
}
