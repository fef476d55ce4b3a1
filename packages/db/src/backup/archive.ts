// Copying a live PostgreSQL data folder, and the .tar.gz container (GNU tar, as on every Linux).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Files of a data folder never copied (pg_basebackup's rules). */
const SKIPPED_FILES = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "pg_internal.init",
  "backup_label.old",
  "tablespace_map.old",
]);
/** Folders copied empty: their content is rebuilt or meaningless after a restore (pg_wal comes last). */
const EMPTIED_DIRS = new Set([
  "pg_wal",
  "pg_dynshmem",
  "pg_notify",
  "pg_replslot",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);

/** A file PostgreSQL removed or renamed while we read the folder. */
export const vanished = (e: unknown) => (e as NodeJS.ErrnoException).code === "ENOENT";

/**
 * Copies a data folder while the server runs: files that disappear meanwhile (dropped relations,
 * temporary files) are skipped, as PostgreSQL's own base backup does; WAL replay repairs the rest.
 */
export function copyDataFolder(from: string, to: string, top = true): void {
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(from, { withFileTypes: true });
  } catch (e) {
    if (vanished(e)) return;
    throw e;
  }
  for (const entry of entries) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (SKIPPED_FILES.has(entry.name) || entry.name.startsWith("pgsql_tmp")) continue;
    if (entry.isDirectory()) {
      if (top && EMPTIED_DIRS.has(entry.name)) fs.mkdirSync(dst, { mode: 0o700 });
      else copyDataFolder(src, dst, false);
    } else if (entry.isFile()) {
      try {
        fs.copyFileSync(src, dst);
      } catch (e) {
        if (!vanished(e)) throw e;
      }
    }
  }
}

/** Copies a folder of ordinary files (the file store), byte for byte. */
export function copyTree(from: string, to: string): number {
  let count = 0;
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) count += copyTree(src, dst);
    else if (entry.isFile()) {
      fs.copyFileSync(src, dst);
      count++;
    }
  }
  return count;
}

export function writeTarGz(sourceDir: string, archive: string): void {
  fs.mkdirSync(path.dirname(archive), { recursive: true });
  const partial = `${archive}.partial`;
  // Fast compression: most of the bytes are WAL segments and table pages, which compress well anyway.
  execFileSync("tar", ["-I", "gzip -1", "-cf", partial, "-C", sourceDir, "."], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  fs.chmodSync(partial, 0o600); // passwords of the database, the key sealing second factors
  fs.renameSync(partial, archive);
}

export function extractTarGz(archive: string, into: string): void {
  fs.mkdirSync(into, { recursive: true });
  execFileSync("tar", ["-xzf", archive, "-C", into, "--no-same-owner"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
}

/** Moves a folder, across file systems if need be. */
export function moveDir(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
    fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}
