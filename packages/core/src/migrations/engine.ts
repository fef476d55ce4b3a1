// The check run and the test load: one streaming pass over the file with exactly the same checks.
// The check writes the row-level errors; the test load writes the valid rows into the job's staging
// table. Both write their results in batches together with a checkpoint (the last line written), so
// that a run interrupted by a worker restart resumes there, a cancel stops at the next batch (within
// a second), and a re-run of the same file and mapping gives the same report.
import type { Db, Prisma } from "@mutuo/db";
import type { StreamingFileStore } from "../files/index.ts";
import { readRows, type FileShape } from "./reader.ts";
import {
  checkRow,
  sourceIndexes,
  stagingSchema,
  type CrossRule,
  type Delimiter,
  type Encoding,
  type Mapping,
  type TargetColumn,
} from "./rules.ts";
import { dropStaging, insertStaging, prepareStaging } from "./staging.ts";
import { afterRun } from "./transitions.ts";

export type EngineDeps = { db: Db; files: StreamingFileStore; now: () => Date };

const BATCH_ROWS = 10_000;
const BATCH_ERRORS = 2_000;
const BATCH_MS = 700;
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

/** 53-bit FNV-1a-like hash of a key (two 32-bit lanes): a Set of numbers stays small at 1M rows. */
function keyHash(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff);
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
  const seen = new Set<number>();
  let errors: Prisma.MigrationRowErrorCreateManyInput[] = [];
  let valid: { line: number; values: string[] }[] = [];
  let lastLine = checkpoint;
  let sinceFlush = 0;
  let flushedAt = Date.now();
  const counter = { bytes: 0 };
  const source = new Array<string>(columns.length);

  const flush = async (final: boolean): Promise<boolean> => {
    const batchErrors = errors;
    const batchValid = valid;
    errors = [];
    valid = [];
    sinceFlush = 0;
    flushedAt = Date.now();
    const state = await db.$transaction(async (tx) => {
      if (batchErrors.length) await tx.migrationRowError.createMany({ data: batchErrors });
      if (batchValid.length) await insertStaging(tx, schema, columns.length, upsertKey, batchValid);
      return tx.migrationRun.update({
        where: { id: runId },
        data: {
          ...counts,
          checkpointLine: lastLine,
          bytesDone: BigInt(final ? Number(run.file.size) : Math.min(counter.bytes, Number(run.file.size))),
          progressAt: new Date(),
        },
        select: { cancelRequested: true },
      });
    });
    return state.cancelRequested;
  };

  let header = true;
  for await (const row of readRows(files, run.file.storageKey, shape, counter)) {
    if (header) {
      header = false;
      continue;
    }
    for (let i = 0; i < idx.length; i++) source[i] = idx[i]! >= 0 ? (row.fields[idx[i]!] ?? "") : "";
    let dupOf: number | null = null;
    if (keyCols.length) {
      const parts = keyCols.map((i) => source[i]!.trim().toLowerCase());
      const key = parts.join("\u0001");
      if (parts.some((p) => p !== "")) {
        const h = keyHash(key);
        if (seen.has(h)) dupOf = keyCols[0]!;
        else seen.add(h);
      }
    }
    if (row.line <= checkpoint) continue;
    lastLine = row.line;
    counts.rowsRead++;
    const result = checkRow(columns, crossRules, source);
    if (dupOf !== null) {
      counts.duplicateKeys++;
      result.errors.push({ column: columns[dupOf]!.label, value: source[dupOf]!, rule: DUPLICATE_RULE });
    }
    if (result.errors.length) {
      counts.rowsInvalid++;
      if (!loading)
        for (const e of result.errors)
          errors.push({
            runId,
            line: row.line,
            raw: row.raw.slice(0, 4000),
            column: e.column,
            value: e.value.slice(0, 1000),
            rule: e.rule,
          });
    } else {
      counts.rowsValid++;
      if (loading) valid.push({ line: row.line, values: result.values });
    }
    if (
      ++sinceFlush >= BATCH_ROWS ||
      errors.length >= BATCH_ERRORS ||
      (sinceFlush % 500 === 0 && Date.now() - flushedAt > BATCH_MS)
    ) {
      if (await flush(false)) {
        await finishCancelled(deps, runId);
        return "cancelled";
      }
    }
  }
  if (await flush(true)) {
    await finishCancelled(deps, runId);
    return "cancelled";
  }
  await db.$transaction(async (tx) => {
    await tx.migrationRun.update({ where: { id: runId }, data: { status: "done", finishedAt: new Date() } });
    await afterRun(tx, { jobId: job.id, kind: run.kind, counts, policy: job.badRowPolicy }, deps.now());
  });
  return "done";
}

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
