// The `_prisma_migrations` table, exactly as Prisma creates it, so the real CLI can take over.
import type pg from "pg";

export const CREATE_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface HistoryRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

export async function readHistory(client: pg.ClientBase): Promise<HistoryRow[] | null> {
  const exists = await client.query<{ t: string | null }>(
    `SELECT to_regclass('"_prisma_migrations"')::text AS t`,
  );
  if (!exists.rows[0]?.t) return null;
  const r = await client.query<HistoryRow>(
    `SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return r.rows;
}

/** The rows that count: rolled-back attempts are history only. */
export function liveRows(rows: HistoryRow[]): Map<string, HistoryRow> {
  const byName = new Map<string, HistoryRow>();
  for (const row of rows) if (!row.rolled_back_at) byName.set(row.migration_name, row);
  return byName;
}
