// The history shown on an object's page, once read access to the object is checked by its domain.
import type { Db } from "@mutuo/db";
import { historyOf, type AuditRow } from "../audit/index.ts";
import { getCalendar } from "../calendars/index.ts";
import { getConvention } from "../conventions/index.ts";
import type { Actor } from "../access/index.ts";
import { getBody } from "../identity/index.ts";
import { getPerson } from "../identity/index.ts";

export const HISTORY_ENTITIES = ["Body", "User", "Convention", "BusinessCalendar"] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

export async function historyOfObject(
  db: Db,
  actor: Actor,
  entityType: HistoryEntity,
  entityId: string,
): Promise<AuditRow[]> {
  if (entityType === "Body") await getBody(db, actor, entityId);
  else if (entityType === "User") await getPerson(db, actor, entityId);
  else if (entityType === "Convention") await getConvention(db, actor, entityId);
  else await getCalendar(db, actor, entityId);
  return historyOf(db, { entityType, entityId, includeBodyEvents: entityType === "Body" });
}
