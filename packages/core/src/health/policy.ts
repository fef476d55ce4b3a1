// Who may read what about the host. Anyone (a load balancer, the signed-out public) learns whether
// each part works; provider staff also get the details they need to act (latency, migrations,
// worker host, error messages), which would otherwise tell an attacker about the installation.
import { isStaff, type Actor } from "../access/index.ts";
import type { HealthReport } from "./decide.ts";

export type PublicHealthReport = {
  detailed: false;
  status: HealthReport["status"];
  checkedAt: string;
  checks: Record<keyof HealthReport["checks"], { ok: boolean }>;
};
export type HealthView = (HealthReport & { detailed: true }) | PublicHealthReport;

export const canSeeHostDetails = (actor: Actor | null) => actor !== null && isStaff(actor);

export function healthView(actor: Actor | null, report: HealthReport): HealthView {
  if (canSeeHostDetails(actor)) return { ...report, detailed: true };
  const { database, migrations, worker } = report.checks;
  return {
    detailed: false,
    status: report.status,
    checkedAt: report.checkedAt,
    checks: { database: { ok: database.ok }, migrations: { ok: migrations.ok }, worker: { ok: worker.ok } },
  };
}
