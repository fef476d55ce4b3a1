// The check run and the test load: one streaming pass over the file with exactly the same checks.
// The check writes the row-level errors; the test load writes the valid rows into the job's staging
// table. Both write their results in batches together with a checkpoint (the last line written), so
// that a run interrupted by a worker restart resumes there, a cancel stops at the next batch (within
// a second), and a re-run of the same file and mapping gives the same report.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { openRawConnection, type Db } from "@mutuo/db";
import type { StreamingFileStore } from "../files/index.ts";
import { readBatches, type FileShape, type SourceRow } from "./reader.ts";
import {
  rowChecker,
  sourceIndexes,
  stagingSchema,
  type CrossRule,
  type Delimiter,
  type Encoding,
  type Mapping,
  type TargetColumn,
} from "./rules.ts";
import { copyLine, dropStaging, prepareStaging, stagingCopy, stagingIndex } from "./staging.ts";
import { afterRun } from "./transitions.ts";

export type EngineDeps = { db: Db; files: StreamingFileStore; now: () => Date };

/** A period's length: progress, checkpoint and cancel checks happen at its end. */
const PERIOD_MS = 500;
const BATCH_ERRORS = 2_000;
/** A running run whose progress is older than this was abandoned by a stopped worker. */
export const STALE_MS = 30_000;

export const DUPLICATE_RULE = "Doublon : cette valeur de clé figure déjà plus haut dans le fichier";

/** Takes the run if it is queued, or running but abandoned; false when another worker has it or it ended. */
async function claim(db: Db, runId: string): Promise<boolean> {
  const stale = new Date(Date.now() - STALE_MS);
  const taken = await db.migrationRun.updateMany({
    where: {
      id: runId,
      cancelRequested: false,
      OR: [{ status: "queued" }, { status: "running", progressAt: { lt: stale } }],
    },
    data: { status: "running", progressAt: new Date() },
  });
  return taken.count === 1;
}

/** 53-bit FNV-1a-like hash of a key (two 32-bit lanes), never 0. */
function keyHash(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff) || 1;
}

/** The keys seen so far, as 53-bit hashes in an open-addressing table of doubles: 8 bytes a slot,
 * 16 MB at a million keys (a Set of numbers would take several times that). */
export class KeySet {
  private slots = new Float64Array(1024);
  private size = 0;

  /** Adds the hash; false when it was already there. */
  add(h: number): boolean {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    let i = ((h % 4294967296) >>> 0) & mask;
    for (;;) {
      const v = this.slots[i]!;
      if (v === 0) {
        this.slots[i] = h;
        this.size++;
        return true;
      }
      if (v === h) return false;
      i = (i + 1) & mask;
    }
  }

  private grow() {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.size = 0;
    for (const v of old) if (v !== 0) this.add(v);
  }
}

export async function executeRun(deps: EngineDeps, runId: string): Promise<"done" | "cancelled" | "skipped"> {
  const { db, files } = deps;
  const pending = await db.migrationRun.findUnique({
    where: { id: runId },
    select: { status: true, cancelRequested: true },
  });
  if (!pending) return "skipped";
  if (pending.cancelRequested && (pending.status === "queued" || pending.status === "running")) {
    await finishCancelled(deps, runId);
    return "cancelled";
  }
  if (!(await claim(db, runId))) return "skipped";
  const run = await db.migrationRun.findUniqueOrThrow({
    where: { id: runId },
    include: { file: true, job: { include: { template: true } } },
  });
  if (run.kind === "production_load") throw new Error("production loads are run by the connector");
  const job = run.job;
  const columns = job.template.columns as unknown as TargetColumn[];
  const crossRules = job.template.crossRules as unknown as CrossRule[];
  const headers = run.file.headers as unknown as string[];
  const idx = sourceIndexes(columns, job.mapping as Mapping, headers);
  const keyCols = columns
    .map((c, i) => (c.unique || c.name === job.externalKey ? i : -1))
    .filter((i) => i >= 0);
  const shape: Pick<FileShape, "format" | "encoding" | "delimiter"> = {
    format: run.file.format as FileShape["format"],
    encoding: run.file.encoding as Encoding,
    delimiter: run.file.delimiter as Delimiter,
  };
  const loading = run.kind === "test_load";
  const schema = stagingSchema(job.id);
  const upsertKey = job.externalKey ? columns.findIndex((c) => c.name === job.externalKey) : -1;

  // Resume: what was written past the checkpoint is written again.
  const checkpoint = run.checkpointLine;
  await db.migrationRowError.deleteMany({ where: { runId, line: { gt: checkpoint } } });
  if (loading) await prepareStaging(db, schema, columns.length, upsertKey, checkpoint);
  if (checkpoint === 0)
    await db.migrationRun.update({
      where: { id: runId },
      data: {
        startedAt: new Date(),
        bytesTotal: BigInt(Number(run.file.size)),
        rowsRead: 0,
        rowsValid: 0,
        rowsInvalid: 0,
        duplicateKeys: 0,
      },
    });

  const counts = {
    rowsRead: checkpoint ? run.rowsRead : 0,
    rowsValid: checkpoint ? run.rowsValid : 0,
    rowsInvalid: checkpoint ? run.rowsInvalid : 0,
    duplicateKeys: checkpoint ? run.duplicateKeys : 0,
  };
  const size = Number(run.file.size);
  const check = rowChecker(columns, crossRules);
  const seen = new KeySet();
  const counter = { bytes: 0 };
  const source = new Array<string>(columns.length);
  const copy = loading ? stagingCopy(schema, columns.length, upsertKey) : null;
  let errors: ErrorRow[] = [];
  let lastLine = checkpoint;
  let header = true;
  let ended = false;

  /** Checks one batch of rows; gives the valid ones in COPY's text format (test load). */
  const checkBatch = (rows: SourceRow[]): string => {
    let text = "";
    for (const row of rows) {
      if (header) {
        header = false;
        continue;
      }
      for (let i = 0; i < idx.length; i++) source[i] = idx[i]! >= 0 ? (row.fields[idx[i]!] ?? "") : "";
      let dupOf: number | null = null;
      if (keyCols.length) {
        let key = "";
        let filled = false;
        for (const i of keyCols) {
          const part = source[i]!.trim().toLowerCase();
          if (part !== "") filled = true;
          key += `${part}\u0001`;
        }
        if (filled) {
          if (!seen.add(keyHash(key))) dupOf = keyCols[0]!;
        }
      }
      if (row.line <= checkpoint) continue;
      lastLine = row.line;
      counts.rowsRead++;
      const result = check(source);
      if (dupOf !== null) {
        counts.duplicateKeys++;
        result.errors.push({ column: columns[dupOf]!.label, value: source[dupOf]!, rule: DUPLICATE_RULE });
      }
      if (result.errors.length) {
        counts.rowsInvalid++;
        if (!loading)
          for (const e of result.errors)
            errors.push({
              line: row.line,
              raw: own(row.raw.slice(0, 4000)),
              column: e.column,
              value: own(e.value.slice(0, 1000)),
              rule: e.rule,
            });
      } else {
        counts.rowsValid++;
        if (loading) text += copyLine(row.line, result.values);
      }
    }
    return text;
  };

  // One pass, in periods of at most PERIOD_MS: each period is one transaction on a plain connection
  // (COPY of its valid rows, its errors, the run's counts and checkpoint), so that a restart resumes
  // at the last checkpoint with nothing written twice, a cancel is seen within a period, and the page's
  // progress moves twice a second. PostgreSQL ingests a period's COPY while the next rows are checked.
  const batches = readBatches(files, run.file.storageKey, shape, counter)[Symbol.asyncIterator]();
  const client = await openRawConnection(db);
  try {
    if (copy) for (const sql of copy.setup) await client.query(sql);
    for (;;) {
      const periodStart = Date.now();
      const period = async function* (): AsyncGenerator<Buffer> {
        for (;;) {
          const next = await batches.next();
          if (next.done) {
            ended = true;
            return;
          }
          const text = checkBatch(next.value);
          if (text) yield Buffer.from(text, "utf8");
          if (Date.now() - periodStart >= PERIOD_MS || errors.length >= BATCH_ERRORS) return;
        }
      };
      await client.query("BEGIN");
      try {
        if (copy) {
          await pipeline(Readable.from(period()), client.query(copyFrom(copy.copy)));
          for (const sql of copy.after) await client.query(sql);
          if (ended) await client.query(stagingIndex(schema));
        } else {
          const it = period();
          while (!(await it.next()).done);
        }
        if (errors.length) {
          await client.query(
            `INSERT INTO "MigrationRowError" ("runId", line, raw, "column", value, rule)
             SELECT $1::uuid, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
            [
              runId,
              errors.map((e) => e.line),
              errors.map((e) => e.raw),
              errors.map((e) => e.column),
              errors.map((e) => e.value),
              errors.map((e) => e.rule),
            ],
          );
          errors = [];
        }
        const state = await client.query<{ cancelRequested: boolean }>(
          `UPDATE "MigrationRun" SET "rowsRead" = $2, "rowsValid" = $3, "rowsInvalid" = $4,
             "duplicateKeys" = $5, "checkpointLine" = $6, "bytesDone" = $7, "progressAt" = $8
           WHERE id = $1 RETURNING "cancelRequested"`,
          [
            runId,
            counts.rowsRead,
            counts.rowsValid,
            counts.rowsInvalid,
            counts.duplicateKeys,
            lastLine,
            ended ? size : Math.min(counter.bytes, size),
            new Date(),
          ],
        );
        await client.query("COMMIT");
        if (state.rows[0]?.cancelRequested) {
          await batches.return(undefined);
          await finishCancelled(deps, runId);
          return "cancelled";
        }
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      }
      if (ended) break;
    }
  } finally {
    await batches.return(undefined).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
  await db.$transaction(async (tx) => {
    await tx.migrationRun.update({ where: { id: runId }, data: { status: "done", finishedAt: new Date() } });
    await afterRun(tx, { jobId: job.id, kind: run.kind, counts, policy: job.badRowPolicy }, deps.now());
  });
  return "done";
}

type ErrorRow = { line: number; raw: string; column: string; value: string; rule: string };
/** A copy of its own of a piece of the file's text, without NUL (which PostgreSQL's text cannot hold):
 * a slice would keep the whole decoded chunk alive until the period's errors are written. */
const own = (s: string) => (s.includes("\0") ? s.replace(/\0/g, "") : ` ${s}`.slice(1));

/** Stops a run: its partial errors and the job's staging are removed (nothing half-loaded remains). */
export async function finishCancelled(deps: EngineDeps, runId: string): Promise<void> {
  const run = await deps.db.migrationRun.findUniqueOrThrow({
    where: { id: runId },
    select: { jobId: true, kind: true },
  });
  await deps.db.migrationRowError.deleteMany({ where: { runId } });
  if (run.kind === "test_load") await dropStaging(deps.db, stagingSchema(run.jobId));
  await deps.db.migrationRun.update({
    where: { id: runId },
    data: { status: "cancelled", finishedAt: new Date() },
  });
  await deps.db.migrationEvent.create({
    data: { jobId: run.jobId, kind: "run_cancelled", note: run.kind, actorLabel: "worker", at: deps.now() },
  });
}
