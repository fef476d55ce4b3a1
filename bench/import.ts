// `npm run bench:import -- --rows 1000000`: a data migration's check run and test load on a
// generated tenants' file as Excel writes it on Windows (Windows-1252, `;`, dd/mm/yyyy, decimal commas,
// quoted line breaks, ~1% bad rows), through the worker's own code (executeRun), on a database of its
// own. Each run executes in a process of its own (bench/import-run.ts), as in the worker. Writes
// bench/results/import.json: rows, check_rows_per_s, load_rows_per_s, peak_rss_mb (the peak RSS of
// the process running the worker's code; PostgreSQL is another process), invalid_rows.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import iconv from "iconv-lite";
import { build } from "esbuild";
import { createPrismaClient } from "@mutuo/db";
import { applyMigrations } from "@mutuo/db/migrate";
import { seedDemo } from "@mutuo/db/seed";
import { localFileStore } from "@mutuo/core/files";
import type { Actor } from "@mutuo/core/access";
import { createJob, createTemplate, getJob, receiveFile, setMapping, startRun } from "@mutuo/core/migrations";
import {
  TENANT_COLUMNS,
  TENANT_HEADERS,
  TENANT_RULES,
  tenantLine,
} from "../packages/core/src/migrations/samples.ts";
import { arg, benchPostgres } from "./common.ts";

const root = process.cwd();
const N = Number(arg("rows", "100000"));
if (!Number.isInteger(N) || N < 1000) throw new Error("--rows: an integer ≥ 1000");

/** The file, generated in chunks (never whole in memory): one bad row in a hundred. */
async function* file(): AsyncGenerator<Uint8Array> {
  yield iconv.encode(`${TENANT_HEADERS.join(";")}\r\n`, "win1252");
  let lines: string[] = [];
  for (let i = 0; i < N; i++) {
    lines.push(tenantLine(i, i % 100 === 99 ? (Math.floor(i / 100) % 5) + 1 : 0));
    if (lines.length === 5000) {
      yield iconv.encode(`${lines.join("\r\n")}\r\n`, "win1252");
      lines = [];
    }
  }
  if (lines.length) yield iconv.encode(`${lines.join("\r\n")}\r\n`, "win1252");
}

async function actor(db: ReturnType<typeof createPrismaClient>, email: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  return {
    userId: u.id,
    name: u.name,
    role: u.role,
    bodyIds: u.memberships.map((m) => m.bodyId),
    activeBodyId: null,
  };
}

async function main() {
  const loadBefore = os.loadavg();
  const { adminUrl, embedded } = await benchPostgres(root);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "mutuo_bench_import" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "mutuo_bench_import"`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/?]*(\?|$)/, "/mutuo_bench_import$1");
  await applyMigrations({ connectionString: url, migrationsDir: path.join(root, "prisma", "migrations") });
  const db = createPrismaClient(url, { max: 4 });
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutuo-bench-import-"));
  const files = localFileStore(filesDir);
  try {
    await seedDemo(db);
    const adminActor = await actor(db, "admin@val-orlene.example");
    const tech = await actor(db, "tech@val-orlene.example");
    const agent = await actor(db, "agent@saint-aubin.example");
    const service = await db.service.findUniqueOrThrow({ where: { code: "PELEHAS" } });
    const template = await createTemplate(db, adminActor, {
      serviceId: service.id,
      name: "Locataires",
      columns: TENANT_COLUMNS,
      crossRules: TENANT_RULES,
      encoding: "windows-1252",
    });
    const job = await createJob(db, tech, {
      bodyId: agent.bodyIds[0]!,
      serviceId: service.id,
      templateId: template.id,
      title: "Banc d'essai",
      ownerId: tech.userId,
    });
    const t0 = performance.now();
    await receiveFile(db, files, agent, {
      jobId: job.id,
      name: "locataires.csv",
      body: file(),
      maxBytes: 2 ** 40,
    });
    const uploadS = (performance.now() - t0) / 1000;
    const mapping = (await getJob(db, tech, { id: job.id })).mapping;
    await setMapping(db, tech, {
      id: job.id,
      mapping: { ...mapping, code_postal: "CP", telephone: "Tél.", date_naissance: "Né(e) le" },
      badRowPolicy: "load_valid",
    });

    const enqueue = async () => undefined;
    // The runner is bundled as the worker is (apps/worker/build.mjs: workspace code bundled, npm packages
    // external) and run by plain node, as the worker runs dist/main.mjs: no TypeScript loader in its memory.
    const runner = path.join(root, ".mutuo", "bench-import-run.mjs");
    await build({
      entryPoints: [path.join(root, "bench", "import-run.ts")],
      outfile: runner,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "esm",
      logLevel: "warning",
      plugins: [
        {
          name: "external-deps",
          setup(b) {
            b.onResolve({ filter: /^[^./]/ }, (args) =>
              args.path.startsWith("@mutuo/") ? undefined : { path: args.path, external: true },
            );
          },
        },
      ],
    });
    /** Runs one run in a worker-like process of its own; its time and memory. */
    const inWorker = (runId: string) => {
      const out = execFileSync(
        process.execPath,
        [...(process.env.BENCH_WORKER_FLAGS?.split(" ").filter(Boolean) ?? []), runner, url, filesDir, runId],
        { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
      );
      const r = JSON.parse(out.trim().split("\n").pop()!) as {
        seconds: number;
        cpuSeconds: number;
        peakRssMb: number;
        baselineRssMb: number;
        peakHeapTotalMb: number;
        peakHeapUsedMb: number;
        peakExternalMb: number;
        result: string;
      };
      if (r.result !== "done") throw new Error(`run ${runId}: ${r.result}`);
      return r;
    };

    const check = await startRun(db, tech, { id: job.id }, "check", enqueue);
    const checked = inWorker(check.runId);
    const checkRun = await db.migrationRun.findUniqueOrThrow({ where: { id: check.runId } });
    const load = await startRun(db, tech, { id: job.id }, "test_load", enqueue);
    const loaded = inWorker(load.runId);
    const staged = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "migration_${job.id.replace(/-/g, "")}"."rows"`,
    );

    const result = {
      rows: N,
      check_rows_per_s: Math.round(N / checked.seconds),
      load_rows_per_s: Math.round(N / loaded.seconds),
      peak_rss_mb: Math.max(checked.peakRssMb, loaded.peakRssMb),
      invalid_rows: checkRun.rowsInvalid,
      // The worker-like process once its modules are loaded and connected, before the run.
      baseline_rss_mb: checked.baselineRssMb,
      check_peak_rss_mb: checked.peakRssMb,
      load_peak_rss_mb: loaded.peakRssMb,
      // At each run's peak: V8 heap allocated / used, and memory outside the heap (buffers, WebAssembly).
      check_peak_heap_mb: [checked.peakHeapTotalMb, checked.peakHeapUsedMb, checked.peakExternalMb],
      load_peak_heap_mb: [loaded.peakHeapTotalMb, loaded.peakHeapUsedMb, loaded.peakExternalMb],
      file_mb: Math.round(Number(checkRun.bytesTotal) / 1024 / 1024),
      upload_s: Math.round(uploadS * 10) / 10,
      check_s: Math.round(checked.seconds * 10) / 10,
      load_s: Math.round(loaded.seconds * 10) / 10,
      // CPU time of the worker-like process (user + system): what the machine's load does not inflate.
      check_cpu_s: Math.round(checked.cpuSeconds * 10) / 10,
      load_cpu_s: Math.round(loaded.cpuSeconds * 10) / 10,
      staged_rows: staged[0]?.n ?? 0,
      staging: "COPY … FROM STDIN (pg-copy-streams), one transaction per half-second period",
      // 1, 5 and 15-minute load averages of the 2-core machine (shared), before and after.
      load_average_before: loadBefore.map((x) => Math.round(x * 100) / 100),
      load_average_after: os.loadavg().map((x) => Math.round(x * 100) / 100),
      measured_at: new Date().toISOString(),
      cpus: os.cpus().length,
    };
    fs.mkdirSync(path.join(root, "bench", "results"), { recursive: true });
    fs.writeFileSync(
      path.join(root, "bench", "results", "import.json"),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    console.log(result);
  } finally {
    await db.$disconnect();
    fs.rmSync(filesDir, { recursive: true, force: true });
    await embedded?.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
