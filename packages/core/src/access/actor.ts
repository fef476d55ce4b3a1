import type { Role } from "@mutuo/db";

/** Who is acting, as every service receives it explicitly. */
export interface Actor {
  userId: string;
  name: string;
  role: Role;
  /** Bodies the person belongs to (a partner agent: their bodies; provider staff: the provider). */
  bodyIds: string[];
  /** For an agent of several bodies: the one they chose to act for, if any. */
  activeBodyId: string | null;
}

/** A non-person actor (jobs, system tasks, OpenID Connect provisioning), for the audit trail. */
export interface SystemActor {
  system: string;
}

export type AnyActor = Actor | SystemActor;

/** Someone without an account acting on one body's ticket by e-mail (a declarant answering a
 * notification sent to them): sees that body only, and is recorded by name, with no person id. */
export function outsideActor(name: string, bodyId: string): Actor {
  return { userId: "", name, role: "agent", bodyIds: [bodyId], activeBodyId: bodyId };
}

export const isPerson = (a: AnyActor): a is Actor => "userId" in a;

export const STAFF_ROLES = ["technician", "manager", "admin"] as const;

export function isStaff(actor: Actor): boolean {
  return actor.role !== "agent";
}
