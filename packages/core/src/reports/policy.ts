// Who may read which report, and for which bodies.
import { DomainError, forbidden } from "../errors/index.ts";
import { isStaff, visibleBodyIds, type Actor } from "../access/index.ts";
import type { ReportDefinition } from "./definition.ts";

/** Staff read every report; partner agents only those open to them, limited to their bodies. */
export function assertCanRead(actor: Actor, report: ReportDefinition<never>): void {
  if (!isStaff(actor) && !report.agents) throw forbidden("report for staff only");
}

/** The bodies a report covers: the body filter if given (refused if not visible), else the
 * actor's own bodies for an agent, else all. */
export function reportBodies(actor: Actor, body: string | undefined): "all" | string[] {
  const visible = visibleBodyIds(actor);
  if (!body) return visible;
  if (visible !== "all" && !visible.includes(body)) throw unknownBody();
  return [body];
}

/** A body that does not exist, or that the actor may not see (the same answer: no existence leak). */
export const unknownBody = () => new DomainError("NOT_FOUND", "report_unknown_body", { field: "body" });

export const canSubscribe = (actor: Actor) => actor.role === "manager" || actor.role === "admin";

export function assertCanSubscribe(actor: Actor): void {
  if (!canSubscribe(actor)) throw forbidden("requires role manager or admin");
}
