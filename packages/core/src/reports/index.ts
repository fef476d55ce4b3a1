// @mutuo/core/reports — manager reports (SLA now; training, equipment, billing as one definition
// each, see definition.ts), their charts and exports, and the reports the worker e-mails on a schedule.
export type {
  ReportDefinition,
  ReportData,
  ReportTable,
  ChartSpec,
  Kpi,
  FilterField,
  ReportQuery,
} from "./definition.ts";
export { REPORTS, DEFAULT_SUBSCRIPTIONS, findReport } from "./registry.ts";
export * from "./schema.ts";
export {
  readReport,
  listReports,
  reportChoices,
  listBreaches,
  listSubscriptions,
  listRuns,
  readRunFile,
  readSubscription,
  toPeriod,
  type Breach,
} from "./queries.ts";
export { createSubscription, updateSubscription, pauseSubscription, removeSubscription } from "./service.ts";
export { refreshRollup } from "./rollup.ts";
export { sendScheduledReports, ensureDefaultSubscriptions, buildScheduledReport } from "./send.ts";
export { chartSvg } from "./charts.ts";
export { exportReport, reportCsv, reportXlsx, reportPdf, type ExportFile } from "./exports.ts";
export {
  lastCompletePeriod,
  periodOf,
  periodLabel,
  monthOfInstant,
  scheduledPeriod,
  type Frequency,
  type Period,
} from "./rules.ts";
export { SLA_DEFINITIONS, SLA_TARGET_RATE } from "./sla-report.ts";
export { refreshRollupJob } from "./jobs/refresh-rollup.ts";
export { sendScheduledReportsJob } from "./jobs/send-scheduled.ts";
export { reportExportJob, reportExportCleanupJob } from "./jobs/export.ts";
export {
  exportPlan,
  requestExport,
  listExports,
  getExport,
  readExportFile,
  type EnqueueExport,
} from "./export-service.ts";
export { buildExport, cleanupExports, BREACHES_TITLE } from "./export-build.ts";
export { exportMode, BACKGROUND_TICKETS, EXPORT_TTL_DAYS, type ExportMode } from "./export-rules.ts";
