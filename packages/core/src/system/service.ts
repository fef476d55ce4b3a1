// Worker liveness: each worker process upserts its heartbeat row every few seconds.
import type { Db } from "@mutuo/db";

export const HEARTBEAT_INTERVAL_MS = 15_000;
/** A worker whose last heartbeat is older than this is considered down. */
export const HEARTBEAT_STALE_MS = 60_000;
/** Rows of stopped workers are removed after this. */
export const HEARTBEAT_RETENTION_MS = 24 * 3600_000;

export interface WorkerIdentity {
  id: string;
  hostname: string;
  pid: number;
  startedAt: Date;
}

export async function recordHeartbeat(db: Db, worker: WorkerIdentity, now: Date = new Date()): Promise<void> {
  await db.workerHeartbeat.upsert({
    where: { id: worker.id },
    create: { ...worker, lastSeenAt: now },
    update: { lastSeenAt: now },
  });
}

export async function removeHeartbeat(db: Db, id: string): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { id } });
}

export async function pruneHeartbeats(db: Db, now: Date = new Date()): Promise<number> {
  const { count } = await db.workerHeartbeat.deleteMany({
    where: { lastSeenAt: { lt: new Date(now.getTime() - HEARTBEAT_RETENTION_MS) } },
  });
  return count;
}
