import { describe, expect, it } from "vitest";
import type { Actor } from "../access/index.ts";
import { healthFromObservations } from "./decide.ts";
import { healthView } from "./policy.ts";

const now = new Date("2026-04-01T10:00:00Z");
const report = healthFromObservations({
  database: { ok: false, latencyMs: 5000, error: "connect ECONNREFUSED db-prod-3.internal:5432" },
  migrations: { applied: 3, pending: ["20260401_secret_feature"], failed: [], modified: [], missing: [] },
  lastHeartbeat: { lastSeenAt: new Date(now.getTime() - 5000), hostname: "worker-host-7" },
  now,
});
const as = (role: Actor["role"]): Actor => ({
  userId: "u",
  name: "N",
  role,
  bodyIds: [],
  activeBodyId: null,
});

describe("health as each caller reads it", () => {
  it("tells the public and partner agents only what works, nothing about the host", () => {
    for (const actor of [null, as("agent")]) {
      const view = healthView(actor, report);
      expect(view).toEqual({
        detailed: false,
        status: "degraded",
        checkedAt: "2026-04-01T10:00:00.000Z",
        checks: { database: { ok: false }, migrations: { ok: false }, worker: { ok: true } },
      });
      const text = JSON.stringify(view);
      for (const secret of ["db-prod-3", "5432", "secret_feature", "worker-host-7", "5000"])
        expect(text).not.toContain(secret);
    }
  });

  it("gives provider staff the details", () => {
    for (const role of ["technician", "manager", "admin"] as const) {
      const view = healthView(as(role), report);
      expect(view.detailed).toBe(true);
      expect(JSON.stringify(view)).toContain("worker-host-7");
    }
  });
});
