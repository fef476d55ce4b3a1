import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/index.ts";
import { applyMigrations, checksumOf, MigrationError, migrationStatus } from "./index.ts";

let tdb: TestDatabase;
let dir: string;

async function write(name: string, sql: string) {
  await fs.mkdir(path.join(dir, name), { recursive: true });
  await fs.writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function rows(): Promise<
  {
    migration_name: string;
    checksum: string;
    finished_at: Date | null;
    logs: string | null;
    rolled_back_at: Date | null;
  }[]
> {
  const c = new pg.Client({ connectionString: tdb.url });
  await c.connect();
  try {
    return (
      await c.query(
        `SELECT migration_name, checksum, finished_at, logs, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
      )
    ).rows;
  } finally {
    await c.end();
  }
}

async function tables(): Promise<string[]> {
  const c = new pg.Client({ connectionString: tdb.url });
  await c.connect();
  try {
    const r = await c.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    return r.rows.map((x) => x.tablename);
  } finally {
    await c.end();
  }
}

const migrate = () => applyMigrations({ connectionString: tdb.url, migrationsDir: dir });

beforeEach(async () => {
  tdb = await createTestDatabase({ empty: true });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "mutuo-mig-"));
});
afterEach(async () => {
  await tdb.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("applyMigrations", () => {
  it("applies folders in name order, records Prisma's checksums, and is idempotent", async () => {
    await write("20260102000000_second", `ALTER TABLE "a" ADD COLUMN "b" int;`);
    await write(
      "20260101000000_first",
      `CREATE TABLE "a" (id int primary key);\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;`,
    );
    await fs.mkdir(path.join(dir, "not-a-migration")); // no migration.sql: ignored, like Prisma
    expect(await migrate()).toEqual({
      applied: ["20260101000000_first", "20260102000000_second"],
      alreadyApplied: 0,
    });
    const recorded = await rows();
    expect(recorded.map((r) => r.migration_name)).toEqual(["20260101000000_first", "20260102000000_second"]);
    const firstSql = await fs.readFile(path.join(dir, "20260101000000_first", "migration.sql"));
    expect(recorded[0]!.checksum).toBe(checksumOf(firstSql));
    expect(recorded[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(recorded.every((r) => r.finished_at)).toBe(true);
    expect(await migrate()).toEqual({ applied: [], alreadyApplied: 2 });
  });

  it("applies each migration once when two processes start together", async () => {
    await write("20260101000000_slow", `SELECT pg_sleep(0.3); CREATE TABLE "once" (id int);`);
    const results = await Promise.all([migrate(), migrate(), migrate()]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, 1]);
    expect(await rows()).toHaveLength(1);
  });

  it("refuses a modified applied migration with a clear message", async () => {
    await write("20260101000000_first", `CREATE TABLE "a" (id int);`);
    await migrate();
    await write("20260101000000_first", `CREATE TABLE "a" (id bigint);`);
    const error = await migrate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code: "MODIFIED", migration: "20260101000000_first" });
    expect((error as Error).message).toMatch(/20260101000000_first a été modifiée après avoir été appliquée/);
  });

  it("refuses when an applied migration has disappeared from the folder", async () => {
    await write("20260101000000_first", `CREATE TABLE "a" (id int);`);
    await migrate();
    await fs.rm(path.join(dir, "20260101000000_first"), { recursive: true });
    await expect(migrate()).rejects.toMatchObject({ code: "MISSING", migration: "20260101000000_first" });
  });

  it("rolls back a failing migration, records the failure, and refuses to rerun it unchanged", async () => {
    await write("20260101000000_ok", `CREATE TABLE "a" (id int);`);
    await write("20260102000000_bad", `CREATE TABLE "b" (id int);\nINSERT INTO "missing_table" VALUES (1);`);
    await write("20260103000000_after", `CREATE TABLE "c" (id int);`);
    const error = await migrate().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FAILED", migration: "20260102000000_bad" });
    expect((error as Error).message).toMatch(/missing_table/);
    expect(await tables()).toEqual(["a"]); // "b" rolled back, "c" never started
    const failed = (await rows()).find((r) => r.migration_name === "20260102000000_bad")!;
    expect(failed.finished_at).toBeNull();
    expect(failed.logs).toMatch(/42P01.*missing_table/);

    await expect(migrate()).rejects.toMatchObject({
      code: "PREVIOUSLY_FAILED",
      migration: "20260102000000_bad",
    });
    expect(await migrationStatus({ connectionString: tdb.url, migrationsDir: dir })).toMatchObject({
      applied: 1,
      failed: ["20260102000000_bad"],
      pending: ["20260103000000_after"],
    });

    // Fixed file: retried; the failed attempt stays in history as rolled back.
    await write("20260102000000_bad", `CREATE TABLE "b" (id int);`);
    expect((await migrate()).applied).toEqual(["20260102000000_bad", "20260103000000_after"]);
    expect(await tables()).toEqual(["a", "b", "c"]);
    const history = (await rows()).filter((r) => r.migration_name === "20260102000000_bad");
    expect(history.map((r) => Boolean(r.rolled_back_at))).toEqual([true, false]);
  });
});

describe("migrationStatus", () => {
  it("reports pending on a database never migrated, then modified ones", async () => {
    await write("20260101000000_first", `CREATE TABLE "a" (id int);`);
    const status = () => migrationStatus({ connectionString: tdb.url, migrationsDir: dir });
    expect(await status()).toEqual({
      applied: 0,
      pending: ["20260101000000_first"],
      failed: [],
      modified: [],
      missing: [],
    });
    await migrate();
    expect(await status()).toEqual({ applied: 1, pending: [], failed: [], modified: [], missing: [] });
    await write("20260101000000_first", `-- edited\nCREATE TABLE "a" (id int);`);
    expect((await status()).modified).toEqual(["20260101000000_first"]);
  });
});
