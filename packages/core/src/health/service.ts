import type { Db } from "@mutuo/db";
import { migrationStatus } from "@mutuo/db/migrate";
import type { Actor } from "../access/index.ts";
import { healthFromObservations, type HealthObservations, type HealthReport } from "./decide.ts";
import { healthView, type HealthView } from "./policy.ts";

export interface HealthDeps {
  db: Db;
  connectionString: string;
  migrationsDir: string;
  now?: () => Date;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}

export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const started = performance.now();
  let database: HealthObservations["database"];
  try {
    await deps.db.$queryRaw`SELECT 1`;
    database = { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    database = { ok: false, latencyMs: Math.round(performance.now() - started), error: message(error) };
  }
  const [migrations, lastHeartbeat] = await Promise.all([
    migrationStatus({ connectionString: deps.connectionString, migrationsDir: deps.migrationsDir }).catch(
      (e: unknown) => ({ error: message(e) }),
    ),
    database.ok
      ? deps.db.workerHeartbeat
          .findFirst({ orderBy: { lastSeenAt: "desc" }, select: { lastSeenAt: true, hostname: true } })
          .catch(() => null)
      : Promise.resolve(null),
  ]);
  return healthFromObservations({ database, migrations, lastHeartbeat, now: deps.now?.() ?? new Date() });
}

/** The health check as this caller may read it (details for provider staff only). */
export async function checkHealthFor(deps: HealthDeps, actor: Actor | null): Promise<HealthView> {
  return healthView(actor, await checkHealth(deps));
}
