// Applies Prisma migrations at start-up without Prisma's native engine (see TOOLCHAIN.md):
// one transaction per migration, a session advisory lock so processes starting together do not
// race, checksums of applied migrations checked, failures recorded in `_prisma_migrations`.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { MigrationError } from "./errors.ts";
import { readMigrations, type MigrationFile } from "./files.ts";
import { CREATE_HISTORY_TABLE, liveRows, readHistory, type HistoryRow } from "./history.ts";

/** Advisory lock key shared by every Mutuo process applying migrations ("mutuo-mi"). */
export const MIGRATION_LOCK_KEY = 0x6d7574756f2d6d69n;

export interface MigrateOptions {
  connectionString: string;
  migrationsDir: string;
  log?: (message: string) => void;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function applyMigrations(opts: MigrateOptions): Promise<MigrateResult> {
  const files = await readMigrations(opts.migrationsDir);
  const client = new pg.Client({
    connectionString: opts.connectionString,
    application_name: "mutuo-migrate",
  });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    try {
      await client.query(CREATE_HISTORY_TABLE);
      const rows = liveRows((await readHistory(client)) ?? []);
      checkNothingMissing(rows, files);
      const result: MigrateResult = { applied: [], alreadyApplied: 0 };
      for (const file of files) {
        const row = rows.get(file.name);
        if (row?.finished_at) {
          if (row.checksum !== file.checksum) throw modified(file.name);
          result.alreadyApplied++;
          continue;
        }
        if (row) await retireFailedAttempt(client, row, file);
        await applyOne(client, file);
        opts.log?.(`migration appliquée : ${file.name}`);
        result.applied.push(file.name);
      }
      return result;
    } finally {
      await client
        .query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()])
        .catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

function checkNothingMissing(rows: Map<string, HistoryRow>, files: MigrationFile[]): void {
  const onDisk = new Set(files.map((f) => f.name));
  for (const [name, row] of rows) {
    if (row.finished_at && !onDisk.has(name)) {
      throw new MigrationError(
        "MISSING",
        name,
        `La migration ${name} est appliquée dans la base mais absente du dossier des migrations. ` +
          `Restaurez le dossier prisma/migrations/${name} (une migration appliquée ne se supprime pas).`,
      );
    }
  }
}

function modified(name: string): MigrationError {
  return new MigrationError(
    "MODIFIED",
    name,
    `La migration ${name} a été modifiée après avoir été appliquée (somme de contrôle différente). ` +
      `Restaurez son contenu d'origine et créez une nouvelle migration pour la modification : npm run db:migration -- <nom>.`,
  );
}

/**
 * A previous attempt failed. The same file again would fail again: refuse, like Prisma (P3009).
 * A corrected file (new checksum) is retried; the failed attempt stays in the history as rolled back.
 */
async function retireFailedAttempt(client: pg.Client, row: HistoryRow, file: MigrationFile): Promise<void> {
  if (row.checksum === file.checksum) {
    throw new MigrationError(
      "PREVIOUSLY_FAILED",
      file.name,
      `La migration ${file.name} a échoué lors d'un démarrage précédent et n'a pas changé depuis :\n${row.logs ?? ""}\n` +
        `Corrigez prisma/migrations/${file.name}/migration.sql (elle sera rejouée), ou bien, si la base a été réparée à la main, ` +
        `marquez l'échec comme annulé : UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = '${row.id}'.`,
    );
  }
  await client.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1`, [row.id]);
}

async function applyOne(client: pg.Client, file: MigrationFile): Promise<void> {
  const startedAt = new Date();
  try {
    await client.query("BEGIN");
    await client.query(file.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, $4, 1)`,
      [randomUUID(), file.checksum, file.name, startedAt],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const pgError = error as { message?: string; code?: string; position?: string };
    const logs = `${pgError.code ? `[${pgError.code}] ` : ""}${pgError.message ?? String(error)}`;
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
       VALUES ($1, $2, NULL, $3, $4, $5, 0)`,
      [randomUUID(), file.checksum, file.name, logs, startedAt],
    );
    throw new MigrationError(
      "FAILED",
      file.name,
      `La migration ${file.name} a échoué et a été annulée : ${logs}`,
      { cause: error },
    );
  }
}

export interface MigrationStatus {
  applied: number;
  pending: string[];
  failed: string[];
  modified: string[];
  /** Applied in the database but absent from the migrations folder. */
  missing: string[];
}

/** Read-only comparison of the folder and the database (no lock), for the health check. */
export async function migrationStatus(opts: Omit<MigrateOptions, "log">): Promise<MigrationStatus> {
  const files = await readMigrations(opts.migrationsDir);
  const client = new pg.Client({
    connectionString: opts.connectionString,
    application_name: "mutuo-migrate-status",
  });
  await client.connect();
  try {
    const rows = liveRows((await readHistory(client)) ?? []);
    const status: MigrationStatus = { applied: 0, pending: [], failed: [], modified: [], missing: [] };
    const onDisk = new Set(files.map((f) => f.name));
    for (const file of files) {
      const row = rows.get(file.name);
      if (!row) status.pending.push(file.name);
      else if (!row.finished_at) status.failed.push(file.name);
      else {
        status.applied++;
        if (row.checksum !== file.checksum) status.modified.push(file.name);
      }
    }
    for (const [name, row] of rows) if (!onDisk.has(name) && row.finished_at) status.missing.push(name);
    return status;
  } finally {
    await client.end();
  }
}
