import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { HEARTBEAT_RETENTION_MS, pruneHeartbeats, recordHeartbeat, removeHeartbeat } from "./service.ts";

describe("worker heartbeats", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => tdb.drop());

  it("upserts one row per worker, prunes stale ones and removes on stop", async () => {
    const db = tdb.prisma();
    const t0 = new Date("2026-03-02T09:00:00Z");
    const a = { id: "host-a:1", hostname: "host-a", pid: 1, startedAt: t0 };
    const b = { id: "host-b:2", hostname: "host-b", pid: 2, startedAt: t0 };
    await recordHeartbeat(db, a, t0);
    await recordHeartbeat(db, a, new Date(t0.getTime() + 15_000));
    await recordHeartbeat(db, b, t0);
    expect(await db.workerHeartbeat.count()).toBe(2);
    expect((await db.workerHeartbeat.findUniqueOrThrow({ where: { id: a.id } })).lastSeenAt).toEqual(
      new Date(t0.getTime() + 15_000),
    );

    const later = new Date(t0.getTime() + HEARTBEAT_RETENTION_MS + 10_000);
    expect(await pruneHeartbeats(db, later)).toBe(1); // b is older than the retention, a by 5 s less
    expect((await db.workerHeartbeat.findMany()).map((r) => r.id)).toEqual([a.id]);
    await removeHeartbeat(db, a.id);
    expect(await db.workerHeartbeat.count()).toBe(0);
  });
});
