// Who may do what with equipment: provider staff manage the registry; admins edit the kinds; a
// partner agent sees only the equipment their own bodies hold now, and anything else does not exist
// for them (the same 404 through pages, QR links, the API and search).
import { canSeeBody, isStaff, type Actor } from "../access/index.ts";
import { forbidden, notFound } from "../errors/index.ts";

export const canManageAssets = (actor: Actor) => isStaff(actor);
export const canEditKinds = (actor: Actor) => actor.role === "admin";

export function requireAssetManager(actor: Actor): void {
  if (!canManageAssets(actor)) throw forbidden("provider staff only");
}

export function requireKindEditor(actor: Actor): void {
  if (!canEditKinds(actor)) throw forbidden("admins only");
}

/** Staff see every asset; an agent only those held by one of their bodies. */
export function canSeeAsset(actor: Actor, asset: { bodyId: string | null }): boolean {
  return isStaff(actor) || (!!asset.bodyId && canSeeBody(actor, asset.bodyId));
}

export function assertAssetVisible(actor: Actor, asset: { bodyId: string | null } | null): void {
  if (!asset || !canSeeAsset(actor, asset)) throw notFound("asset");
}
