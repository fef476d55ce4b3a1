// Bulk inserts for seeding: many rows per statement, passed as one JSON parameter and expanded by
// PostgreSQL (json_populate_recordset), so thousands of rows cost a few round trips.
import type { DbTx } from "@mutuo/db";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function insertRows(
  tx: DbTx,
  table: string,
  rows: Record<string, unknown>[],
  chunk = 2000,
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]!).map(quote).join(", ");
  const sql =
    `INSERT INTO ${quote(table)} (${columns}) ` +
    `SELECT ${columns} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`;
  let count = 0;
  for (let i = 0; i < rows.length; i += chunk)
    count += await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(i, i + chunk)));
  return count;
}
