// The production load goes through a connector per service. The only one today exports the
// signed-off dataset in the target's import format (the template's columns, delimiter and encoding)
// for the service's own import; a direct load into a target system can implement the same interface.
import { stringify } from "csv-stringify";
import iconv from "iconv-lite";
import { Readable } from "node:stream";
import type { Db } from "@mutuo/db";
import type { StreamingFileStore } from "../files/index.ts";
import type { EngineDeps } from "./engine.ts";
import { stagingSchema, type TargetColumn } from "./rules.ts";
import { stagingRows } from "./staging.ts";
import { transition } from "./transitions.ts";

export interface MigrationConnector {
  id: string;
  /** Loads the rows; answers how many were loaded, the stored artefact and a log text. */
  load(input: {
    db: Db;
    files: StreamingFileStore;
    jobId: string;
    columns: TargetColumn[];
    format: { encoding: string; delimiter: string };
  }): Promise<{ rows: number; artifactKey: string | null; log: string }>;
}

async function* stagedRows(db: Db, jobId: string, n: number): AsyncGenerator<string[]> {
  const schema = stagingSchema(jobId);
  let after = 0;
  for (;;) {
    const page = await stagingRows(db, schema, n, 5000, after);
    if (!page.length) return;
    for (const r of page) yield r.values;
    after = page.at(-1)!.line;
  }
}

export const fileExportConnector: MigrationConnector = {
  id: "file-export",
  async load({ db, files, jobId, columns, format }) {
    let rows = 0;
    const csv = stringify({
      delimiter: format.delimiter,
      header: true,
      columns: columns.map((c) => c.name),
      record_delimiter: "\r\n",
    });
    const source = Readable.from(
      (async function* () {
        for await (const values of stagedRows(db, jobId, columns.length)) {
          rows++;
          yield values;
        }
      })(),
    );
    source.pipe(csv);
    const encoding = format.encoding === "windows-1252" ? "win1252" : "utf8";
    // csv-stringify pushes whole records: each chunk is re-encoded on its own.
    const encoded = (async function* () {
      for await (const chunk of csv as AsyncIterable<Buffer | string>)
        yield iconv.encode(String(chunk), encoding);
    })();
    const stored = await files.putStream(encoded, Number.MAX_SAFE_INTEGER);
    return {
      rows,
      artifactKey: stored.key,
      log: `Export CSV (${format.encoding}, séparateur « ${format.delimiter === "\t" ? "tabulation" : format.delimiter} ») : ${rows} lignes, ${stored.size} octets, SHA-256 ${stored.sha256}`,
    };
  },
};

/** The connector of a service (only the file export exists today). */
export function connectorFor(_serviceCode: string): MigrationConnector {
  return fileExportConnector;
}

/** Runs a queued production load: connector, load log stored, job « loaded ». */
export async function executeProductionLoad(deps: EngineDeps, runId: string): Promise<"done" | "skipped"> {
  const { db, files } = deps;
  const taken = await db.migrationRun.updateMany({
    where: { id: runId, kind: "production_load", status: "queued" },
    data: { status: "running", startedAt: new Date(), progressAt: new Date() },
  });
  if (taken.count !== 1) return "skipped";
  const run = await db.migrationRun.findUniqueOrThrow({
    where: { id: runId },
    include: { job: { include: { template: true } } },
  });
  const job = run.job;
  const service = await db.service.findUnique({ where: { id: job.serviceId }, select: { code: true } });
  const started = new Date();
  try {
    const result = await connectorFor(service?.code ?? "").load({
      db,
      files,
      jobId: job.id,
      columns: job.template.columns as unknown as TargetColumn[],
      format: { encoding: job.template.encoding, delimiter: job.template.delimiter },
    });
    const log = [
      `Reprise ${job.number} — chargement en production`,
      `Début : ${started.toISOString()}`,
      `Fin : ${new Date().toISOString()}`,
      `Empreinte de la recette signée : ${job.signOffSha256 ?? ""}`,
      result.log,
    ].join("\n");
    const logFile = await files.putStream(Readable.from([Buffer.from(`${log}\n`, "utf8")]), 10_000_000);
    await db.$transaction(async (tx) => {
      await tx.migrationRun.update({
        where: { id: runId },
        data: { status: "done", finishedAt: new Date(), rowsRead: result.rows, rowsValid: result.rows },
      });
      await transition(tx, job, "loaded", { system: "worker" }, deps.now(), {
        kind: "production_loaded",
        note: `${result.rows} lignes`,
        data: {
          loadedAt: deps.now(),
          loadedById: run.requestedById,
          loadedRows: result.rows,
          exportKey: result.artifactKey,
          loadLogKey: logFile.key,
        },
      });
    });
  } catch (e) {
    await db.migrationRun.update({
      where: { id: runId },
      data: { status: "failed", finishedAt: new Date(), error: String(e).slice(0, 1000) },
    });
    throw e;
  }
  return "done";
}
