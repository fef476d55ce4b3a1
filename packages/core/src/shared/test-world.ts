// The world the integration tests of tickets (and what hangs on them) start from: a database of
// its own with the demo seeded, a temporary file store, the demo's people as actors, and the ids
// of the body and service most tests use. Only tests import this file.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Db } from "@mutuo/db";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Actor } from "../access/index.ts";
import { localFileStore, type FileStore } from "../files/index.ts";

export interface TestWorld {
  tdb: TestDatabase;
  db: Db;
  files: FileStore;
  /** The actor of a demo account, looked up by e-mail. */
  actor(email: string): Promise<Actor>;
  /** The actors asked for, by the names given. */
  actors: Record<string, Actor>;
  /** Bellerive (the partner body) and SIGMA (its GIS service). */
  ids: { bellerive: string; gis: string };
  /** Drops the database and the file store. */
  close(): Promise<void>;
}

export async function createTestWorld(
  name: string,
  people: Record<string, string>,
  opts: { now?: Date } = {},
): Promise<TestWorld> {
  const tdb = await createTestDatabase();
  const db = tdb.prisma();
  await seedDemo(db, opts.now);
  const dir = await mkdtemp(path.join(os.tmpdir(), `mutuo-${name}-`));
  const actor = async (email: string): Promise<Actor> => {
    const u = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    return {
      userId: u.id,
      name: u.name,
      role: u.role,
      bodyIds: u.memberships.map((m) => m.bodyId),
      activeBodyId: null,
    };
  };
  const actors: Record<string, Actor> = {};
  for (const [key, email] of Object.entries(people)) actors[key] = await actor(email);
  const ids = {
    bellerive: (await db.body.findFirstOrThrow({ where: { legalName: "Commune de Bellerive-sur-Orlène" } }))
      .id,
    gis: (await db.service.findUniqueOrThrow({ where: { code: "SIGMA" } })).id,
  };
  return {
    tdb,
    db,
    files: localFileStore(dir),
    actor,
    actors,
    ids,
    async close() {
      await tdb.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
