// Test helpers for integration tests on a real PostgreSQL (see global-setup.ts).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "../index.ts";
import { withDatabase } from "../url.ts";
import "./provided.ts";

export interface TestDatabase {
  /** Connection string of a database of its own. */
  url: string;
  /** Drops the database (closes what was opened through `prisma()` first). */
  drop(): Promise<void>;
  /** A Prisma client on this database, created on first use. */
  prisma(): Db;
}

/**
 * Creates a fresh database for one test file: a clone of the migrated template (default),
 * or an empty database (`{ empty: true }`) for tests of the migration runner itself.
 */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("mutuoTestAdminUrl");
  const template = inject("mutuoTestTemplate");
  // The template was created by the vitest main process, whose pid is in its name.
  const ownerPid = /^mutuo_tpl_(\d+)$/.exec(template)?.[1] ?? "0";
  const name = `mutuo_test_${ownerPid}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(
      opts.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${template}"`,
    );
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  let client: Db | undefined;
  return {
    url,
    prisma() {
      client ??= createPrismaClient(url, { max: 4 });
      return client;
    },
    async drop() {
      await client?.$disconnect();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
