// Vitest globalSetup: one PostgreSQL per test run and one migrated template database.
// Embedded PostgreSQL (data in <repo>/.mutuo/test-pg) unless TEST_DATABASE_URL points at a server
// whose role may create databases. Tests clone the template with createTestDatabase().
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../embedded.ts";
import { applyMigrations } from "../migrate/index.ts";
import { withDatabase } from "../url.ts";
import "./provided.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

type Shared = { adminUrl: string; template: string; users: number; embedded?: EmbeddedPostgres };
const g = globalThis as unknown as { __mutuoTestPg?: Promise<Shared> };

async function boot(): Promise<Shared> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(repoRoot, ".mutuo", "test-pg") });
    adminUrl = embedded.urlFor("postgres");
  }
  const template = `mutuo_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Leftovers of interrupted runs.
    const old = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'mutuo_tpl_%' OR datname LIKE 'mutuo_test_%'",
    );
    for (const { datname } of old.rows) {
      const pid = Number(/^mutuo_(?:tpl|test)_(\d+)/.exec(datname)?.[1]);
      if (pid && pid !== process.pid && !isAlive(pid)) {
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  await applyMigrations({
    connectionString: withDatabase(adminUrl, template),
    migrationsDir: path.join(repoRoot, "prisma", "migrations"),
  });
  return { adminUrl, template, users: 0, embedded };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject) {
  g.__mutuoTestPg ??= boot();
  const shared = await g.__mutuoTestPg;
  shared.users += 1;
  project.provide("mutuoTestAdminUrl", shared.adminUrl);
  project.provide("mutuoTestTemplate", shared.template);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    g.__mutuoTestPg = undefined;
    const admin = new pg.Client({ connectionString: shared.adminUrl });
    await admin.connect();
    try {
      const rows = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2",
        [`mutuo_test_${process.pid}_%`, shared.template],
      );
      for (const { datname } of rows.rows)
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    await shared.embedded?.stop();
  };
}
