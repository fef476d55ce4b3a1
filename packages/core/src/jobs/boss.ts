// pg-boss glue for the worker, which runs the scheduled jobs (e-mails leave through the outbox).
import type { PgBoss } from "pg-boss";
import type { RegisteredJob } from "./run.ts";

/** Creates every registered queue (idempotent): sending to a queue that does not exist fails. */
export async function ensureQueues(boss: PgBoss, jobs: readonly RegisteredJob[]): Promise<void> {
  for (const job of jobs) {
    await boss.createQueue(job.name, {
      retryLimit: job.retryLimit ?? 3,
      retryBackoff: true,
      expireInSeconds: job.expireInSeconds ?? 900,
    });
  }
}
