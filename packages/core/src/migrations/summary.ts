// What the partner signs off: the counts of the last check and test load, the rows per column and a
// sample, as plain data (its SHA-256 is recorded with the sign-off and printed in the PDF).
import type { Db } from "@mutuo/db";
import { stagingSchema, type TargetColumn } from "./rules.ts";
import { stagingCounts, stagingRows } from "./staging.ts";

export type SignOffSummary = {
  job: { id: string; number: string; title: string };
  file: { name: string; sha256: string } | null;
  counts: { read: number; valid: number; invalid: number; duplicates: number; staged: number };
  columns: { name: string; label: string; filled: number }[];
  sample: { line: number; values: string[] }[];
};

export async function signOffSummary(
  db: Db,
  job: {
    id: string;
    number: string;
    title: string;
    currentFileId: string | null;
    template: { columns: unknown };
  },
): Promise<SignOffSummary> {
  const columns = job.template.columns as TargetColumn[];
  const file = job.currentFileId
    ? await db.migrationFile.findUnique({
        where: { id: job.currentFileId },
        select: { name: true, sha256: true },
      })
    : null;
  const load = await db.migrationRun.findFirst({
    where: { jobId: job.id, kind: "test_load", status: "done" },
    orderBy: { createdAt: "desc" },
  });
  const schema = stagingSchema(job.id);
  const counts = await stagingCounts(db, schema, columns.length);
  const sample = counts ? await stagingRows(db, schema, columns.length, 10) : [];
  return {
    job: { id: job.id, number: job.number, title: job.title },
    file,
    counts: {
      read: load?.rowsRead ?? 0,
      valid: load?.rowsValid ?? 0,
      invalid: load?.rowsInvalid ?? 0,
      duplicates: load?.duplicateKeys ?? 0,
      staged: counts?.total ?? 0,
    },
    columns: columns.map((c, i) => ({ name: c.name, label: c.label, filled: counts?.filled[i] ?? 0 })),
    sample,
  };
}
