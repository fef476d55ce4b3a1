// Staging tables of test loads: one schema per job, named from the job's UUID only (stagingSchema),
// one table "rows" with the original line number and one text column per target column (values
// normalised by the checks: ISO dates, decimal points). Nothing here takes a name from a request.
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
  await db.$executeRawUnsafe(`CREATE INDEX IF NOT EXISTS rows_line ON ${s}."rows" (line)`);
  if (upsertKey >= 0)
    await db.$executeRawUnsafe(
      `CREATE UNIQUE INDEX IF NOT EXISTS rows_key ON ${s}."rows" (c${upsertKey}) WHERE c${upsertKey} <> ''`,
    );
}

/** Inserts a batch of valid rows in one statement (arrays unnested server-side), upserting by the
 * external key when there is one. */
export async function insertStaging(
  tx: DbTx,
  schema: string,
  n: number,
  upsertKey: number,
  rows: { line: number; values: string[] }[],
) {
  const names = cols(n);
  const arrays: unknown[] = [rows.map((r) => r.line)];
  for (let i = 0; i < n; i++) arrays.push(rows.map((r) => r.values[i] ?? ""));
  const params = names.map((_, i) => `$${i + 2}::text[]`).join(", ");
  const conflict =
    upsertKey >= 0
      ? ` ON CONFLICT (c${upsertKey}) WHERE c${upsertKey} <> '' DO UPDATE SET line = excluded.line, ${names
          .map((c) => `${c} = excluded.${c}`)
          .join(", ")}`
      : "";
  await tx.$executeRawUnsafe(
    `INSERT INTO ${q(schema)}."rows" (line, ${names.join(", ")}) SELECT * FROM unnest($1::int[], ${params})${conflict}`,
    ...arrays,
  );
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
