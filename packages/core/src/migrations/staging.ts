// Staging tables of test loads: one schema per job, named from the job's UUID only (stagingSchema),
// one table "rows" with the original line number and one text column per target column (values
// normalised by the checks: ISO dates, decimal points), filled by COPY … FROM STDIN streams (the test
// load). Nothing here takes a name from a request.
import type { Db, DbTx } from "@mutuo/db";

const q = (schema: string) => {
  if (!/^migration_[0-9a-f]{32}$/.test(schema)) throw new Error("bad staging schema");
  return `"${schema}"`;
};
const cols = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);

/** Creates the staging table (anew, unless rows are upserted by an external key), or trims what a
 * stopped run wrote after its checkpoint. */
export async function prepareStaging(
  db: Db,
  schema: string,
  n: number,
  upsertKey: number,
  checkpoint: number,
) {
  const s = q(schema);
  if (checkpoint > 0) {
    await db.$executeRawUnsafe(`DELETE FROM ${s}."rows" WHERE line > $1`, checkpoint);
    return;
  }
  if (upsertKey < 0) await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await db.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  await db.$executeRawUnsafe(
    `CREATE UNLOGGED TABLE IF NOT EXISTS ${s}."rows" (line integer NOT NULL, ${cols(n)
      .map((c) => `${c} text NOT NULL`)
      .join(", ")})`,
  );
  if (upsertKey >= 0)
    await db.$executeRawUnsafe(
      `CREATE UNIQUE INDEX IF NOT EXISTS rows_key ON ${s}."rows" (c${upsertKey}) WHERE c${upsertKey} <> ''`,
    );
}

/** How a test load streams its rows: the COPY statement, and what to run after each COPY (rows upserted
 * by the external key go through a temporary table, COPY itself cannot update). */
export function stagingCopy(schema: string, n: number, upsertKey: number) {
  const names = cols(n);
  const target = `${q(schema)}."rows"`;
  if (upsertKey < 0)
    return { setup: [], copy: `COPY ${target} (line, ${names.join(", ")}) FROM STDIN`, after: [] };
  return {
    setup: [`CREATE TEMP TABLE IF NOT EXISTS staging_batch (LIKE ${target}) ON COMMIT DELETE ROWS`],
    copy: `COPY staging_batch (line, ${names.join(", ")}) FROM STDIN`,
    after: [
      `INSERT INTO ${target} SELECT * FROM staging_batch ON CONFLICT (c${upsertKey}) WHERE c${upsertKey} <> '' DO UPDATE SET line = excluded.line, ${names
        .map((c) => `${c} = excluded.${c}`)
        .join(", ")}`,
    ],
  };
}

/** The index that pages and samples the staging in file order: built once the rows are in. */
export const stagingIndex = (schema: string) =>
  `CREATE INDEX IF NOT EXISTS rows_line ON ${q(schema)}."rows" (line)`;

const SPECIAL = /[\\\t\n\r\0]/;
const escapeCopy = (v: string) =>
  SPECIAL.test(v)
    ? v.replace(/[\\\t\n\r\0]/g, (c) =>
        c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "",
      )
    : v;

/** One row in COPY's text format (tab-separated, backslash escapes; NUL, which text cannot hold, dropped). */
export function copyLine(line: number, values: readonly string[]): string {
  let out = String(line);
  for (let i = 0; i < values.length; i++) out += `\t${escapeCopy(values[i]!)}`;
  return `${out}\n`;
}

export async function dropStaging(db: DbTx, schema: string) {
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${q(schema)} CASCADE`);
}

export async function stagingExists(db: DbTx, schema: string): Promise<boolean> {
  const r = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'rows'`,
    schema,
  );
  return (r[0]?.n ?? 0) > 0;
}

/** Rows in staging, and how many non-empty values each column has. */
export async function stagingCounts(db: DbTx, schema: string, n: number) {
  if (!(await stagingExists(db, schema))) return null;
  const r = await db.$queryRawUnsafe<Record<string, number>[]>(
    `SELECT count(*)::int AS total, ${cols(n)
      .map((c) => `count(NULLIF(${c}, ''))::int AS ${c}`)
      .join(", ")} FROM ${q(schema)}."rows"`,
  );
  const row = r[0]!;
  return { total: row.total ?? 0, filled: cols(n).map((c) => row[c] ?? 0) };
}

/** The first rows in file order (a sample, or a page of the export after `afterLine`). */
export async function stagingRows(db: DbTx, schema: string, n: number, limit: number, afterLine = 0) {
  const r = await db.$queryRawUnsafe<Record<string, string | number>[]>(
    `SELECT line, ${cols(n).join(", ")} FROM ${q(schema)}."rows" WHERE line > $1 ORDER BY line LIMIT $2`,
    afterLine,
    limit,
  );
  return r.map((row) => ({ line: Number(row.line), values: cols(n).map((c) => String(row[c] ?? "")) }));
}
