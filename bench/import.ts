// `npm run bench:import -- --rows 1000000`: a data migration's check run and test load on a
// generated tenants' file as Excel writes it on Windows (Windows-1252, `;`, dd/mm/yyyy, decimal commas,
// quoted line breaks, ~1% bad rows), through the worker's own code (executeRun), on a database of its
// own. Writes bench/results/import.json: rows, check_rows_per_s, load_rows_per_s, peak_rss_mb,
// invalid_rows (peak RSS of this process, which runs the worker's code; PostgreSQL is another process).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import iconv from "iconv-lite";
import { createPrismaClient } from "@mutuo/db";
import { applyMigrations } from "@mutuo/db/migrate";
import { seedDemo } from "@mutuo/db/seed";
import { localFileStore } from "@mutuo/core/files";
import type { Actor } from "@mutuo/core/access";
import {
  createJob,
  createTemplate,
  executeRun,
  getJob,
  receiveFile,
  setMapping,
  startRun,
} from "@mutuo/core/migrations";
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

    const baseline = process.memoryUsage().rss;
    let peak = 0;
    const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
    const timer = setInterval(sample, 50);
    const deps = { db, files, now: () => new Date() };
    const enqueue = async () => undefined;

    const check = await startRun(db, tech, { id: job.id }, "check", enqueue);
    const c0 = performance.now();
    if ((await executeRun(deps, check.runId)) !== "done") throw new Error("check did not finish");
    const checkS = (performance.now() - c0) / 1000;
    const checked = await db.migrationRun.findUniqueOrThrow({ where: { id: check.runId } });

    const load = await startRun(db, tech, { id: job.id }, "test_load", enqueue);
    const l0 = performance.now();
    if ((await executeRun(deps, load.runId)) !== "done") throw new Error("test load did not finish");
    const loadS = (performance.now() - l0) / 1000;
    clearInterval(timer);
    sample();
    const staged = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "migration_${job.id.replace(/-/g, "")}"."rows"`,
    );

    const result = {
      rows: N,
      check_rows_per_s: Math.round(N / checkS),
      load_rows_per_s: Math.round(N / loadS),
      peak_rss_mb: Math.round(peak / 1024 / 1024),
      // This process before the runs (Prisma client, tsx, modules): the runs' own share is the difference.
      baseline_rss_mb: Math.round(baseline / 1024 / 1024),
      invalid_rows: checked.rowsInvalid,
      file_mb: Math.round(Number(checked.bytesTotal) / 1024 / 1024),
      upload_s: Math.round(uploadS * 10) / 10,
      check_s: Math.round(checkS * 10) / 10,
      load_s: Math.round(loadS * 10) / 10,
      staged_rows: staged[0]?.n ?? 0,
      staging:
        "batched INSERT … SELECT FROM unnest($1::int[], $2::text[], …) (pg-copy-streams is not installed)",
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
