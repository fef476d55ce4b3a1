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

/** Sends one job from a process that does not run jobs (the web app): a short-lived pg-boss client
 * that neither migrates, supervises nor schedules (the worker does), closed once the job is queued. */
export async function sendJob(connectionString: string, name: string, data: object): Promise<void> {
  const { PgBoss } = await import("pg-boss");
  const boss = new PgBoss({
    connectionString,
    schema: "pgboss",
    application_name: "mutuo-web",
    migrate: false,
    supervise: false,
    schedule: false,
    max: 1,
  });
  boss.on("error", () => undefined); // the send below reports what matters
  await boss.start();
  try {
    await boss.send(name, data);
  } finally {
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
  }
}
