import { describe, expect, it } from "vitest";
import { healthFromObservations } from "./decide.ts";

const now = new Date("2026-04-01T10:00:00Z");
const db = { ok: true, latencyMs: 2 };
const migrations = { applied: 3, pending: [], failed: [], modified: [], missing: [] };
const beat = (secondsAgo: number) => ({
  lastSeenAt: new Date(now.getTime() - secondsAgo * 1000),
  hostname: "w1",
});

describe("health verdict", () => {
  it("is ok with a database, applied migrations and a fresh heartbeat", () => {
    const r = healthFromObservations({ database: db, migrations, lastHeartbeat: beat(10), now });
    expect(r.status).toBe("ok");
    expect(r.checks.worker).toEqual({
      ok: true,
      lastSeenAt: "2026-04-01T09:59:50.000Z",
      hostname: "w1",
      ageSeconds: 10,
    });
  });

  it("is degraded when the worker is silent for more than a minute or absent", () => {
    expect(healthFromObservations({ database: db, migrations, lastHeartbeat: beat(61), now }).status).toBe(
      "degraded",
    );
    expect(
      healthFromObservations({ database: db, migrations, lastHeartbeat: null, now }).checks.worker.ok,
    ).toBe(false);
  });

  it("is degraded with pending, failed or modified migrations, or none readable", () => {
    for (const bad of [{ pending: ["x"] }, { failed: ["x"] }, { modified: ["x"] }, { missing: ["x"] }]) {
      const r = healthFromObservations({
        database: db,
        migrations: { ...migrations, ...bad },
        lastHeartbeat: beat(1),
        now,
      });
      expect(r.status).toBe("degraded");
      expect(r.checks.migrations.ok).toBe(false);
    }
    expect(
      healthFromObservations({ database: db, migrations: { error: "boom" }, lastHeartbeat: beat(1), now })
        .checks.migrations,
    ).toMatchObject({ ok: false, error: "boom" });
  });

  it("is degraded when the database does not answer", () => {
    const r = healthFromObservations({
      database: { ok: false, latencyMs: 5000, error: "timeout" },
      migrations,
      lastHeartbeat: beat(1),
      now,
    });
    expect(r.status).toBe("degraded");
  });
});
