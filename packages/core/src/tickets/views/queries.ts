// Reading saved queue views: a person's own and the shared ones, each with the number of tickets
// it selects (all counts in one statement, with the queue's own SQL conditions).
import type { Db } from "@mutuo/db";
import type { Actor } from "../../access/index.ts";
import { requireStaff } from "../policy.ts";
import { viewCountsSql } from "../queue-sql.ts";
import { listTicketsInput } from "../schema.ts";
import { canEditView } from "./policy.ts";
import { parseColumns, queueFilters, toListInput, type QueueColumn, type QueueFilters } from "./schema.ts";

export interface QueueViewItem {
  id: string;
  name: string;
  shared: boolean;
  filters: QueueFilters;
  columns: QueueColumn[];
  count: number;
  editable: boolean;
}

export async function listQueueViews(db: Db, actor: Actor, now = new Date()): Promise<QueueViewItem[]> {
  requireStaff(actor);
  const rows = await db.queueView.findMany({
    where: { OR: [{ shared: true }, { ownerId: actor.userId }] },
    orderBy: [{ shared: "desc" }, { name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, shared: true, ownerId: true, filters: true, columns: true },
  });
  const views = rows.map((r) => ({ ...r, filters: queueFilters.parse(r.filters ?? {}) }));
  const counts = await viewCountsSql(
    db,
    actor,
    views.map((v) => listTicketsInput.parse(toListInput(v.filters))),
    now,
  );
  return views.map(({ ownerId, ...v }, i) => ({
    ...v,
    columns: parseColumns(v.columns),
    count: counts[i] ?? 0,
    editable: canEditView(actor, { ownerId, shared: v.shared }),
  }));
}
