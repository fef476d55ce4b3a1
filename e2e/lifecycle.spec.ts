// `npm start` lifecycle: stopping leaves no process behind and a second start keeps the data.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, test } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".mutuo", "e2e-lifecycle");
const port = 3101;

interface Started {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function start(viaNpm: boolean): Promise<Started> {
  const env = {
    ...process.env,
    PORT: String(port),
    MUTUO_DATA_DIR: dataDir,
    MUTUO_SKIP_BUILD: "true",
    MUTUO_SEED_DEMO: "true",
  };
  const proc = viaNpm
    ? spawn("npm", ["start", "--silent"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] })
    : spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  proc.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  proc.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  await expect.poll(() => out, { timeout: 120_000, intervals: [250] }).toMatch(/Mutuo est prêt|✖/);
  expect(out).toContain("Mutuo est prêt");
  return { proc, output: () => out, exited };
}

/** Every live process whose command line or working directory mentions the lifecycle data folder. */
function processesUsing(dir: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      const environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8");
      if (cmd.includes(dir) || environ.includes(`MUTUO_DATA_DIR=${dir}`)) found.push(`${pid} ${cmd}`);
    } catch {
      /* gone, or not ours */
    }
  }
  return found;
}

function pidOf(file: string): number {
  return Number(fs.readFileSync(file, "utf8").split("\n")[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const cfg = JSON.parse(fs.readFileSync(path.join(dataDir, "pg", "mutuo-embedded.json"), "utf8"));
  const client = new pg.Client({
    host: "127.0.0.1",
    port: cfg.port,
    user: cfg.user,
    password: cfg.password,
    database: "mutuo",
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

test.describe.configure({ mode: "serial", timeout: 300_000 });

test("stopping npm start leaves no process behind and a restart keeps the data", async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });

  // First start, through npm as a user would, stopped with SIGTERM.
  const first = await start(true);
  const run = JSON.parse(fs.readFileSync(path.join(dataDir, "run.json"), "utf8")) as {
    children: { pid: number }[];
  };
  const pids = [pidOf(path.join(dataDir, "pg", "postmaster.pid")), ...run.children.map((c) => c.pid)];
  expect(pids.every(alive)).toBe(true);
  expect(first.output()).toContain("Données de démonstration créées");
  await query(`INSERT INTO "AppMeta" (key, value, "updatedAt") VALUES ('lifecycle-test', '"kept"', now())`);
  first.proc.kill("SIGTERM");
  expect(await first.exited).toBe(0);
  await expect.poll(() => pids.filter(alive), { timeout: 15_000 }).toEqual([]);
  expect(processesUsing(dataDir)).toEqual([]);

  // Second start: same data, no second seed; stopped with Ctrl-C (SIGINT).
  const second = await start(false);
  expect(second.output()).not.toContain("Données de démonstration créées");
  const rows = await query<{ value: string }>(`SELECT value FROM "AppMeta" WHERE key = 'lifecycle-test'`);
  expect(rows).toEqual([{ value: "kept" }]);
  const bodies = await query<{ n: string }>(`SELECT count(*)::text AS n FROM "Body"`);
  expect(Number(bodies[0]!.n)).toBeGreaterThanOrEqual(13);
  second.proc.kill("SIGINT");
  expect(await second.exited).toBe(0);
  await expect.poll(() => processesUsing(dataDir), { timeout: 15_000 }).toEqual([]);
});
