// Pure part of the health check: from raw observations to a verdict.
export const WORKER_STALE_MS = 60_000;

export interface HealthObservations {
  database: { ok: boolean; latencyMs: number; error?: string };
  migrations?:
    | { applied: number; pending: string[]; failed: string[]; modified: string[]; missing: string[] }
    | { error: string };
  lastHeartbeat?: { lastSeenAt: Date; hostname: string } | null;
  now: Date;
}

export interface HealthReport {
  status: "ok" | "degraded";
  checkedAt: string;
  checks: {
    database: { ok: boolean; latencyMs: number; error?: string };
    migrations: {
      ok: boolean;
      applied: number;
      pending: string[];
      failed: string[];
      modified: string[];
      missing: string[];
      error?: string;
    };
    worker: { ok: boolean; lastSeenAt: string | null; hostname: string | null; ageSeconds: number | null };
  };
}

export function healthFromObservations(o: HealthObservations): HealthReport {
  const m = o.migrations;
  const migrations =
    !m || "error" in m
      ? {
          ok: false,
          applied: 0,
          pending: [],
          failed: [],
          modified: [],
          missing: [],
          error: m?.error ?? "unavailable",
        }
      : { ok: m.pending.length + m.failed.length + m.modified.length + m.missing.length === 0, ...m };
  const beat = o.lastHeartbeat ?? null;
  const age = beat ? o.now.getTime() - beat.lastSeenAt.getTime() : null;
  const worker = {
    ok: age !== null && age <= WORKER_STALE_MS,
    lastSeenAt: beat ? beat.lastSeenAt.toISOString() : null,
    hostname: beat?.hostname ?? null,
    ageSeconds: age === null ? null : Math.max(0, Math.round(age / 1000)),
  };
  const ok = o.database.ok && migrations.ok && worker.ok;
  return {
    status: ok ? "ok" : "degraded",
    checkedAt: o.now.toISOString(),
    checks: { database: o.database, migrations, worker },
  };
}
