// Who may see and work tickets: a partner agent sees their bodies' tickets (never internal notes);
// provider staff see and work all tickets.
import { forbidden, notFound } from "../errors/index.ts";
import { isStaff, type Actor } from "../access/index.ts";
import { canSeeBody } from "../access/index.ts";

export function assertTicketVisible(
  actor: Actor,
  ticket: { bodyId: string } | null,
): asserts ticket is { bodyId: string } {
  if (!ticket || !canSeeBody(actor, ticket.bodyId)) throw notFound("ticket");
}

export function requireStaff(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden("provider staff only");
}

/** Message kinds a person may read: partners never see internal notes. */
export const visibleKinds = (actor: Actor) =>
  isStaff(actor) ? (["reply", "note", "event"] as const) : (["reply", "event"] as const);
