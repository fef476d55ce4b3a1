// Backup → restore round trip of the demo data on the embedded PostgreSQL, taken while the database
// is being written to: every table restored row for row (count and checksum of its content), every
// file byte for byte; a non-empty data folder is refused.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from "../embedded.ts";
import { createPrismaClient } from "../index.ts";
import { applyMigrations } from "../migrate/index.ts";
import { seedDemo } from "../seed/index.ts";
import { backupEmbedded, restoreEmbedded } from "./index.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** Row count and an MD5 of the whole content, per table of the public schema. */
async function tableDigests(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = await c.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables.rows) {
      const t = c.escapeIdentifier(name);
      const { rows } = await c.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${t} t`,
      );
      out[name] = rows[0]!;
    }
    return out;
  } finally {
    await c.end();
  }
}

function fileDigests(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, fileDigests(p, base));
    else out[path.relative(base, p)] = createHash("sha256").update(fs.readFileSync(p)).digest("hex");
  }
  return out;
}

// The embedded database's own backup: not part of the suite run against a PostgreSQL server.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("backup and restore", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mutuo-backup-"));
  // Open to the `postgres` user that root runs PostgreSQL as (a private folder is embedded.test.ts's case).
  fs.chmodSync(tmp, 0o755);
  const src = path.join(tmp, "src");
  const dst = path.join(tmp, "dst");
  let server: EmbeddedPostgres | undefined;

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("restores every row and every file of the demo data, from a backup taken while the database is written to", async () => {
    server = await startEmbeddedPostgres({ dataDir: path.join(src, "pg") });
    await ensureDatabase(server.adminUrl, "mutuo");
    const url = server.urlFor("mutuo");
    await applyMigrations({
      connectionString: url,
      migrationsDir: path.join(repoRoot, "prisma", "migrations"),
    });
    const db = createPrismaClient(url, { max: 2 });
    await seedDemo(db);
    await db.$disconnect();
    // The file store: nested folders, binary content, an empty file.
    for (let i = 0; i < 12; i++) {
      const p = path.join(src, "files", `${i % 3}`, `${i}`.padStart(2, "0"), `f-${i}.bin`);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, randomBytes(i * 7919));
    }
    fs.writeFileSync(path.join(src, "secret.key"), randomBytes(32));

    // A writer keeps inserting while the backup runs: the restored rows must be a prefix 1..k.
    const writer = new pg.Client({ connectionString: url });
    // If an assertion fails, the server stops under this connection: not an error of its own.
    writer.on("error", () => undefined);
    await writer.connect();
    await writer.query("CREATE TABLE busy (n int PRIMARY KEY)");
    let n = 0;
    let writing = true;
    const loop = (async () => {
      while (writing) await writer.query("INSERT INTO busy VALUES ($1)", [++n]);
    })();
    await new Promise((r) => setTimeout(r, 200));
    const { archive, manifest } = await backupEmbedded({ dataDir: src }).finally(() => (writing = false));
    await loop;
    await writer.end();
    expect(archive.startsWith(path.join(src, "backups"))).toBe(true);
    expect(manifest).toMatchObject({ files: 12, secretKey: true, postgresVersion: "18" });
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);

    const before = await tableDigests(url);
    const filesBefore = fileDigests(path.join(src, "files"));
    await server.stop();
    server = undefined;

    // Not over existing data.
    await expect(restoreEmbedded({ archive, dataDir: src })).rejects.toThrow(/n'est pas vide/);

    await restoreEmbedded({ archive, dataDir: dst });
    server = await startEmbeddedPostgres({ dataDir: path.join(dst, "pg") });
    const after = await tableDigests(server.urlFor("mutuo"));
    const { busy: busyAfter, ...restAfter } = after;
    const { busy: busyBefore, ...restBefore } = before;
    expect(Object.keys(restBefore).length).toBeGreaterThan(20);
    expect(restBefore.Body!.rows).toBeGreaterThan(5);
    expect(restBefore.User!.rows).toBeGreaterThan(5);
    expect(restBefore.Convention!.rows).toBeGreaterThan(0);
    expect(restAfter).toEqual(restBefore);
    // Consistent at one instant: rows 1..k, k no more than what was written.
    const c = new pg.Client({ connectionString: server.urlFor("mutuo") });
    await c.connect();
    const { rows } = await c.query<{ k: number; max: number }>(
      "SELECT count(*)::int AS k, coalesce(max(n), 0) AS max FROM busy",
    );
    await c.end();
    expect(rows[0]!.k).toBe(rows[0]!.max);
    expect(rows[0]!.k).toBeGreaterThan(0);
    expect(rows[0]!.k).toBeLessThanOrEqual(busyBefore!.rows);
    expect(busyAfter!.rows).toBe(rows[0]!.k);

    expect(fileDigests(path.join(dst, "files"))).toEqual(filesBefore);
    expect(fs.readFileSync(path.join(dst, "secret.key"))).toEqual(
      fs.readFileSync(path.join(src, "secret.key")),
    );
    await server.stop();
    server = undefined;

    // With Mutuo stopped, the backup starts and stops the database itself.
    const cold = await backupEmbedded({ dataDir: dst, out: path.join(tmp, "cold.tar.gz") });
    expect(fs.existsSync(cold.archive)).toBe(true);
    expect(fs.existsSync(path.join(dst, "pg", "postmaster.pid"))).toBe(false);
  }, 180_000);
});
