// Who may search everything at once: provider staff (the header's search box). Partners search
// their own tickets in « Mes demandes »; each group below is also scoped to the bodies the actor
// may see, so that the rule holds even if this one widens.
import { isStaff, type Actor } from "../access/index.ts";
import { forbidden } from "../errors/index.ts";

export const canSearchEverything = (actor: Actor) => isStaff(actor);

export function requireGlobalSearch(actor: Actor): void {
  if (!canSearchEverything(actor)) throw forbidden("provider staff only");
}
