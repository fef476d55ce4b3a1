// Billing's view of data migrations: each job done in the period, by rows loaded or flat.
import type { BillableActivityReader } from "../shared/billable.ts";
import { localToday } from "../conventions/index.ts";

export const billableMigrationActivities: BillableActivityReader = async (db, query) => {
  const from = new Date(`${query.from}T00:00:00+01:00`);
  const to = new Date(new Date(`${query.to}T00:00:00+01:00`).getTime() + 2 * 86_400_000);
  const jobs = await db.migrationJob.findMany({
    where: { bodyId: { in: query.bodyIds }, status: "done", doneAt: { gte: from, lt: to } },
    orderBy: [{ doneAt: "asc" }, { id: "asc" }],
  });
  return jobs
    .map((j) => ({ j, on: localToday(j.doneAt!) }))
    .filter(({ on }) => on >= query.from && on <= query.to)
    .map(({ j, on }) => ({
      kind: "migration_job" as const,
      bodyId: j.bodyId,
      serviceId: j.serviceId,
      conventionId: j.conventionId,
      occurredOn: on,
      quantity: j.billingMode === "flat" ? 1 : (j.loadedRows ?? 0),
      unit: j.billingMode === "flat" ? ("job" as const) : ("row" as const),
      label: `Reprise de données : ${j.title} — ${j.loadedRows ?? 0} lignes`,
      source: { type: "migration_job" as const, id: j.id, ref: j.number },
      rows: j.loadedRows ?? 0,
    }));
};
