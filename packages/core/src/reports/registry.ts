// Every report, and the built-in scheduled reports. Adding a dashboard: one line in REPORTS (see
// definition.ts); a built-in schedule: one line in DEFAULT_SUBSCRIPTIONS.
import type { ReportDefinition } from "./definition.ts";
import { billingReport } from "./billing-report.ts";
import { equipmentReport } from "./equipment-report.ts";
import { slaReport } from "./sla-report.ts";
import { trainingReport } from "./training-report.ts";

export const REPORTS: ReportDefinition<never>[] = [
  slaReport,
  trainingReport,
  equipmentReport,
  billingReport,
] as unknown as ReportDefinition<never>[];

export function findReport(id: string): ReportDefinition<never> | undefined {
  return REPORTS.find((r) => r.id === id);
}

/** A built-in subscription: per partner body (to its agents) or once (to the managers). */
export interface DefaultSubscription {
  key: string;
  reportId: string;
  frequency: "weekly" | "monthly" | "quarterly";
  label: string;
  /** "body": one per active partner body, sent to its agents; "managers": one, to the managers. */
  audience: "body" | "managers";
}

export const DEFAULT_SUBSCRIPTIONS: DefaultSubscription[] = [
  {
    key: "sla-monthly-body",
    reportId: "sla",
    frequency: "monthly",
    audience: "body",
    label: "Rapport SLA mensuel",
  },
  {
    key: "sla-monthly-all",
    reportId: "sla",
    frequency: "monthly",
    audience: "managers",
    label: "Rapport SLA mensuel, tous partenaires",
  },
  {
    key: "training-quarterly-all",
    reportId: "training",
    frequency: "quarterly",
    audience: "managers",
    label: "Rapport formation trimestriel",
  },
];
