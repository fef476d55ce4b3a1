// The worker: registers every job of the core registry on pg-boss, keeps a heartbeat, stops gracefully.
import fs from "node:fs";
import os from "node:os";
import { PgBoss } from "pg-boss";
import type { Db } from "@mutuo/db";
import {
  ensureQueues,
  jobRegistry,
  type JobContext,
  type JobLogger,
  type Mailer,
  type MailSetup,
  type RegisteredJob,
} from "@mutuo/core/jobs";
import { HEARTBEAT_INTERVAL_MS, recordHeartbeat, removeHeartbeat } from "@mutuo/core/system";

export interface WorkerOptions {
  connectionString: string;
  db: Db;
  mailer: Mailer;
  log: JobLogger;
  concurrency: number;
  jobs?: readonly RegisteredJob[];
  heartbeatMs?: number;
  /** Payload overrides of scheduled jobs, from the worker's configuration. */
  scheduleData?: Record<string, object>;
  /** The jobs' clock (real time unless the end-to-end tests freeze it). */
  now?: () => Date;
  /** How this worker sends and reads mail (for the configuration test). */
  mailSetup?: MailSetup;
  /** The file store (data migrations read their files from it). */
  files?: JobContext["files"];
  /**
   * End-to-end tests only: a file the tests write `{ "token": "…", "jobs": ["name", …] }` to; the
   * worker then runs those jobs at once (with their scheduled payload) and writes the token to
   * `<file>.done`, so that a journey does not wait for the next minute of the cron.
   */
  runRequestFile?: string;
}

export interface RunningWorker {
  id: string;
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const jobs = opts.jobs ?? jobRegistry;
  const payloadOf = (job: RegisteredJob) => ({
    ...((job.schedule?.data ?? {}) as object),
    ...(opts.scheduleData?.[job.name] ?? {}),
  });
  const identity = {
    id: `${os.hostname()}:${process.pid}`,
    hostname: os.hostname(),
    pid: process.pid,
    startedAt: new Date(),
  };
  const boss = new PgBoss({
    connectionString: opts.connectionString,
    schema: "pgboss",
    application_name: "mutuo-worker",
  });
  boss.on("error", (error) => opts.log.error("pg-boss error", { error: String(error) }));
  await boss.start();

  const ctx: JobContext = {
    db: opts.db,
    mailer: opts.mailer,
    log: opts.log,
    now: opts.now ?? (() => new Date()),
    mailSetup: opts.mailSetup,
    files: opts.files,
  };
  await ensureQueues(boss, jobs);
  for (const job of jobs) {
    await boss.work(job.name, { batchSize: 1, localConcurrency: opts.concurrency }, async ([pgJob]) => {
      if (!pgJob) return;
      await job.run(pgJob.data, ctx);
    });
    if (job.schedule)
      await boss.schedule(job.name, job.schedule.cron, payloadOf(job), {
        tz: job.schedule.tz ?? "Europe/Paris",
      });
  }

  const beat = async () => {
    try {
      await recordHeartbeat(opts.db, identity);
    } catch (error) {
      opts.log.error("heartbeat failed", { error: String(error) });
    }
  };
  await beat();
  const timer = setInterval(beat, opts.heartbeatMs ?? HEARTBEAT_INTERVAL_MS);

  const stopRequests = opts.runRequestFile
    ? watchRunRequests(opts.runRequestFile, jobs, (job) => job.run(payloadOf(job), ctx), opts.log)
    : () => undefined;

  let stopping: Promise<void> | undefined;
  return {
    id: identity.id,
    boss,
    stop() {
      stopping ??= (async () => {
        clearInterval(timer);
        stopRequests();
        await boss.stop({ graceful: true, timeout: 10_000 });
        await removeHeartbeat(opts.db, identity.id);
      })();
      return stopping;
    },
  };
}

/** Runs the jobs the end-to-end tests ask for, one request at a time (see `runRequestFile`). */
function watchRunRequests(
  file: string,
  jobs: readonly RegisteredJob[],
  run: (job: RegisteredJob) => Promise<void>,
  log: JobLogger,
): () => void {
  const read = (): { token?: string; jobs?: string[] } => {
    try {
      return JSON.parse(fs.readFileSync(file, "utf8")) as { token?: string; jobs?: string[] };
    } catch {
      return {};
    }
  };
  let last = read().token;
  let busy = false;
  // A plain read every 200 ms (e2e only): simpler and surer than file-system events.
  const timer = setInterval(() => {
    if (busy) return;
    const request = read();
    if (!request.token || request.token === last) return;
    last = request.token;
    busy = true;
    void (async () => {
      for (const name of request.jobs ?? []) {
        const job = jobs.find((j) => j.name === name);
        if (!job) {
          log.error("unknown job requested", { job: name });
          continue;
        }
        await run(job).catch((error: unknown) =>
          log.error("requested job failed", { job: name, error: String(error) }),
        );
      }
      fs.writeFileSync(`${file}.done`, request.token!);
    })()
      .catch((error: unknown) => log.error("requested jobs not acknowledged", { error: String(error) }))
      .finally(() => (busy = false));
  }, 200);
  return () => clearInterval(timer);
}
