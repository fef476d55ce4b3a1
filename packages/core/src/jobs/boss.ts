// pg-boss glue shared by the web (which enqueues) and the worker (which also runs the jobs).
import { fromPrisma, type PgBoss } from "pg-boss";
import type { JobQueue } from "./queue.ts";
import type { RegisteredJob } from "./run.ts";

/** Creates every registered queue (idempotent): sending to a queue that does not exist fails. */
export async function ensureQueues(boss: PgBoss, jobs: readonly RegisteredJob[]): Promise<void> {
  for (const job of jobs) {
    await boss.createQueue(job.name, { retryLimit: job.retryLimit ?? 3, retryBackoff: true, expireInSeconds: job.expireInSeconds ?? 900 });
  }
}

export function pgBossQueue(boss: PgBoss): JobQueue {
  return {
    async send(name, data, tx) {
      await boss.send(name, data, tx ? { db: fromPrisma(tx as unknown as Parameters<typeof fromPrisma>[0]) } : undefined);
    },
  };
}
