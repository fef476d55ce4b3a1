// Reading a Prisma migrations folder: `<timestamp>_<name>/migration.sql`, applied in name order.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 hex of the file's bytes, as Prisma records it in `_prisma_migrations.checksum`. */
  checksum: string;
}

export function checksumOf(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const out: MigrationFile[] = [];
  for (const name of dirs) {
    const buf = await fs.readFile(path.join(migrationsDir, name, "migration.sql")).catch(() => undefined);
    if (buf === undefined) continue; // Prisma ignores folders without migration.sql
    out.push({ name, sql: buf.toString("utf8"), checksum: checksumOf(buf) });
  }
  return out;
}
