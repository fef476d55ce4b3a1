// Who may do what on a data migration: technicians (and managers, admins) run everything; agents of
// the job's body upload files, read reports and sign off their own body's jobs; nobody else sees it.
import { notFound } from "../errors/index.ts";
import { canSeeBody, isStaff, requireRole, type Actor } from "../access/index.ts";

export const requireMigrationStaff = (actor: Actor) => requireRole(actor, "technician", "manager", "admin");
export const requireTemplateAdmin = (actor: Actor) => requireRole(actor, "manager", "admin");
export const canRunMigrations = (actor: Actor) => isStaff(actor);

/** A job the actor may not see does not exist for them. */
export function assertJobVisible<T extends { bodyId: string }>(
  actor: Actor,
  job: T | null,
): asserts job is T {
  if (!job || !canSeeBody(actor, job.bodyId)) throw notFound("migration");
}

/** Only an agent of the job's own body signs off (the partner's acceptance, not the provider's). */
export function requireSignatory(actor: Actor, job: { bodyId: string }) {
  if (actor.role !== "agent" || !actor.bodyIds.includes(job.bodyId)) requireRole(actor, "agent");
}
