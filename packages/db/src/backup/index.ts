// Backup and restore of an installation on the embedded PostgreSQL: one .tar.gz holding a physical
// hot backup of the cluster (PostgreSQL's own backup API, WAL included, so the copy is consistent
// while the app runs), the file store and the key that seals second factors.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { clusterDir, DEFAULT_SHARED_DIR, runAsIds, startEmbeddedPostgres } from "../embedded.ts";
import { copyDataFolder, copyTree, extractTarGz, moveDir, vanished, writeTarGz } from "./archive.ts";

export const BACKUP_FORMAT = "mutuo-backup-1";
const MANIFEST = "mutuo-backup.json";

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  postgresVersion: string;
  /** Files of the file store (MUTUO_DATA_DIR/files). */
  files: number;
  secretKey: boolean;
}

type ClusterConfig = { user: string; password: string };

/** The port of the server running on this cluster, or null when none runs. */
function runningPort(pgDir: string): number | null {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return Number(lines[3]) || null;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").replace("T", "-");
}

/**
 * Writes a backup of the installation in `dataDir` to `out` (default
 * `<dataDir>/backups/mutuo-<date>.tar.gz`). Works while Mutuo runs; starts and stops the database
 * itself when it does not.
 */
export async function backupEmbedded(opts: {
  dataDir: string;
  out?: string;
  now?: Date;
  log?: (m: string) => void;
}): Promise<{ archive: string; manifest: BackupManifest }> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const pgLink = path.join(dataDir, "pg");
  if (!fs.existsSync(path.join(pgLink, "PG_VERSION")))
    throw new Error(
      `Aucune base de données embarquée dans ${pgLink} : rien à sauvegarder (Mutuo a-t-il déjà démarré avec ce dossier de données ?).`,
    );
  const pgDir = fs.realpathSync(pgLink);
  const now = opts.now ?? new Date();
  const archive = path.resolve(opts.out ?? path.join(dataDir, "backups", `mutuo-${stamp(now)}.tar.gz`));
  const config = JSON.parse(
    fs.readFileSync(path.join(pgDir, "mutuo-embedded.json"), "utf8"),
  ) as ClusterConfig;

  let port = runningPort(pgDir);
  const started = port ? undefined : await startEmbeddedPostgres({ dataDir: pgLink, log });
  port ??= started!.port;
  log(
    started
      ? "Base de données démarrée pour la sauvegarde"
      : `Sauvegarde à chaud (serveur sur le port ${port})`,
  );

  fs.mkdirSync(path.dirname(archive), { recursive: true, mode: 0o700 });
  const staging = fs.mkdtempSync(path.join(path.dirname(archive), ".mutuo-backup-"));
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: config.user,
    password: config.password,
    database: "postgres",
  });
  try {
    await client.connect();
    // A temporary slot keeps every WAL segment from the start of the backup until we have copied it.
    const slot = `mutuo_backup_${process.pid}`;
    await client.query("SELECT pg_create_physical_replication_slot($1, true, true)", [slot]);
    await client.query("SELECT pg_backup_start($1, true)", [`mutuo ${now.toISOString()}`]);
    copyDataFolder(pgDir, path.join(staging, "pg"));
    const { rows } = await client.query<{ labelfile: string; spcmapfile: string | null }>(
      "SELECT labelfile, spcmapfile FROM pg_backup_stop(false)",
    );
    // Closes the WAL segment holding the end of the backup, so that it is complete on disk.
    await client.query("SELECT pg_switch_wal()");
    const wal = path.join(pgDir, "pg_wal");
    for (const entry of fs.readdirSync(wal, { withFileTypes: true })) {
      // xlogtemp.N: a segment being created, renamed or removed under us; never part of a backup.
      if (entry.isFile() && !entry.name.startsWith("xlogtemp.")) {
        try {
          fs.copyFileSync(path.join(wal, entry.name), path.join(staging, "pg", "pg_wal", entry.name));
        } catch (e) {
          // A segment recycled meanwhile is older than the backup's start, which the slot keeps.
          if (!vanished(e)) throw e;
        }
      } else if (entry.isDirectory())
        fs.mkdirSync(path.join(staging, "pg", "pg_wal", entry.name), { mode: 0o700 });
    }
    fs.writeFileSync(path.join(staging, "pg", "backup_label"), rows[0]!.labelfile, { mode: 0o600 });
    if (rows[0]!.spcmapfile)
      fs.writeFileSync(path.join(staging, "pg", "tablespace_map"), rows[0]!.spcmapfile);
    await client.query("SELECT pg_drop_replication_slot($1)", [slot]);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
    await started?.stop();
  }

  try {
    // The files after the database: a file of a row in the backup is there (uploads are written first).
    const filesDir = path.join(dataDir, "files");
    const files = fs.existsSync(filesDir) ? copyTree(filesDir, path.join(staging, "files")) : 0;
    const keyFile = path.join(dataDir, "secret.key");
    const secretKey = fs.existsSync(keyFile);
    if (secretKey) fs.copyFileSync(keyFile, path.join(staging, "secret.key"));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: now.toISOString(),
      postgresVersion: fs.readFileSync(path.join(pgDir, "PG_VERSION"), "utf8").trim(),
      files,
      secretKey,
    };
    fs.writeFileSync(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2));
    writeTarGz(staging, archive);
    log(`Sauvegarde écrite : ${archive}`);
    return { archive, manifest };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Restores a backup into `dataDir`, which must be empty or absent; the database is started once to
 * replay its WAL and checked, then stopped. Then `npm start` with this data folder serves it.
 */
export async function restoreEmbedded(opts: {
  archive: string;
  dataDir: string;
  sharedDir?: string;
  log?: (m: string) => void;
}): Promise<BackupManifest> {
  const log = opts.log ?? (() => {});
  const archive = path.resolve(opts.archive);
  const dataDir = path.resolve(opts.dataDir);
  if (!fs.existsSync(archive)) throw new Error(`Archive introuvable : ${archive}`);
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0)
    throw new Error(
      `Le dossier de données ${dataDir} n'est pas vide : la restauration ne remplace rien. Restaurez dans un dossier vide ou absent (MUTUO_DATA_DIR=/chemin/vers/un/dossier/vide npm run restore -- ${opts.archive}), ou videz celui-ci après avoir vérifié qu'il ne contient rien à garder.`,
    );
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const staging = path.join(dataDir, ".restore");
  try {
    extractTarGz(archive, staging);
    const manifestFile = path.join(staging, MANIFEST);
    const manifest = fs.existsSync(manifestFile)
      ? (JSON.parse(fs.readFileSync(manifestFile, "utf8")) as BackupManifest)
      : null;
    if (manifest?.format !== BACKUP_FORMAT || !fs.existsSync(path.join(staging, "pg", "PG_VERSION")))
      throw new Error(`${archive} n'est pas une sauvegarde de Mutuo (npm run backup).`);

    const ids = runAsIds();
    const pgDir = clusterDir(path.join(dataDir, "pg"), ids, opts.sharedDir ?? DEFAULT_SHARED_DIR, log);
    fs.rmSync(pgDir, { recursive: true, force: true });
    moveDir(path.join(staging, "pg"), pgDir);
    fs.chmodSync(pgDir, 0o700);
    if (ids.uid !== undefined) execFileSync("chown", ["-R", `${ids.uid}:${ids.gid ?? ids.uid}`, pgDir]);
    if (fs.existsSync(path.join(staging, "files")))
      moveDir(path.join(staging, "files"), path.join(dataDir, "files"));
    if (fs.existsSync(path.join(staging, "secret.key"))) {
      fs.renameSync(path.join(staging, "secret.key"), path.join(dataDir, "secret.key"));
      fs.chmodSync(path.join(dataDir, "secret.key"), 0o600);
    }

    // First start: PostgreSQL replays the WAL of the backup up to its end, then accepts connections.
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pg"),
      sharedDir: opts.sharedDir,
      log,
    });
    try {
      const c = new pg.Client({ connectionString: server.adminUrl });
      await c.connect();
      try {
        const { rows } = await c.query<{ recovering: boolean }>("SELECT pg_is_in_recovery() AS recovering");
        if (rows[0]?.recovering) throw new Error("la base restaurée est restée en récupération");
      } finally {
        await c.end();
      }
    } finally {
      await server.stop();
    }
    log(`Sauvegarde du ${manifest.createdAt} restaurée dans ${dataDir}`);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
