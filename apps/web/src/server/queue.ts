// The web process enqueues jobs (e-mails…) through pg-boss; the worker runs them.
import { PgBoss } from "pg-boss";
import { ensureQueues, jobRegistry, pgBossQueue, type JobQueue } from "@mutuo/core/jobs";
import { env } from "../env.ts";

const g = globalThis as unknown as { __mutuoQueue?: Promise<JobQueue> };

async function start(): Promise<JobQueue> {
  // Only the worker maintains and schedules: this instance just sends.
  const boss = new PgBoss({ connectionString: env().databaseUrl, schema: "pgboss", supervise: false, schedule: false, application_name: "mutuo-web", max: 3 });
  boss.on("error", (e) => console.error("[web] pg-boss", e));
  await boss.start();
  await ensureQueues(boss, jobRegistry);
  return pgBossQueue(boss);
}

export function queue(): Promise<JobQueue> {
  g.__mutuoQueue ??= start().catch((e: unknown) => {
    g.__mutuoQueue = undefined;
    throw e;
  });
  return g.__mutuoQueue;
}
