// Who may do what with trainings. Staff manage the catalogue and sessions, register anyone eligible,
// take attendance (technicians are the trainers); an agent sees the sessions their bodies may attend
// and their bodies' registrations, never another body's names.
import { canSeeBody, isStaff, visibleBodyIds, type Actor } from "../access/index.ts";
import { forbidden, notFound } from "../errors/index.ts";

export const canManageTraining = (actor: Actor) => isStaff(actor);

export function requireTrainingStaff(actor: Actor): void {
  if (!canManageTraining(actor)) throw forbidden("requires staff");
}

/** Registrations the actor may see: all for staff, else their bodies' only. */
export const registrationScope = (actor: Actor) => {
  const ids = visibleBodyIds(actor);
  return ids === "all" ? {} : { bodyId: { in: ids } };
};

/** A session dedicated to another body does not exist for an agent. */
export function assertSessionVisible(actor: Actor, s: { dedicatedBodyId: string | null } | null) {
  if (!s || (s.dedicatedBodyId && !canSeeBody(actor, s.dedicatedBodyId))) throw notFound("session");
}

export function assertRegistrationVisible(actor: Actor, r: { bodyId: string } | null) {
  if (!r || !canSeeBody(actor, r.bodyId)) throw notFound("registration");
}
