import type { Db } from "@mutuo/db";
import { historyOf, type AuditRow } from "../audit/queries.ts";
import type { Actor } from "./actor.ts";
import { getBody } from "./bodies.ts";
import { getPerson } from "./people.ts";

/** The history shown on a body's or a person's page, once read access to the object is checked. */
export async function historyOfObject(db: Db, actor: Actor, entityType: "Body" | "User", entityId: string): Promise<AuditRow[]> {
  if (entityType === "Body") await getBody(db, actor, entityId);
  else await getPerson(db, actor, entityId);
  return historyOf(db, { entityType, entityId, includeBodyEvents: entityType === "Body" });
}
