// Registry of every background job. Each domain declares its jobs in its own `jobs/` folder;
// this list is what the worker registers.
import { conventionAlertsJob } from "./conventions/jobs/ending-alerts.ts";
import { rollOverConventionsJob } from "./conventions/jobs/roll-over.ts";
import { autoCloseJob } from "./tickets/jobs/auto-close.ts";
import { digestJob } from "./tickets/jobs/digest.ts";
import { refreshSlaJob } from "./tickets/jobs/refresh-sla.ts";
import { waitingJob } from "./tickets/jobs/waiting.ts";
import { registerJob, type RegisteredJob } from "./jobs/run.ts";
import { anonymiseDeclarantsJob } from "./retention/jobs/anonymise-declarants.ts";
import { pruneHeartbeatsJob } from "./system/jobs/prune-heartbeats.ts";
import { mailTestJob } from "./notifications/jobs/mail-test.ts";
import { migrationRunJob } from "./migrations/jobs/run.ts";
import { resumeMigrationRunsJob } from "./migrations/jobs/resume.ts";
import { refreshRollupJob } from "./reports/jobs/refresh-rollup.ts";
import { sendScheduledReportsJob } from "./reports/jobs/send-scheduled.ts";
import { reportExportCleanupJob, reportExportJob } from "./reports/jobs/export.ts";
import { loanAlertsJob } from "./loans/jobs/alerts.ts";
import { trainingFollowUpsJob } from "./training/jobs/reminders.ts";

export * from "./jobs/define.ts";
export * from "./jobs/run.ts";
export { ensureQueues, sendJob } from "./jobs/boss.ts";

export const jobRegistry: readonly RegisteredJob[] = [
  registerJob(pruneHeartbeatsJob),
  registerJob(rollOverConventionsJob),
  registerJob(conventionAlertsJob),
  registerJob(refreshSlaJob),
  registerJob(autoCloseJob),
  registerJob(digestJob),
  registerJob(waitingJob),
  registerJob(mailTestJob),
  registerJob(anonymiseDeclarantsJob),
  registerJob(migrationRunJob),
  registerJob(resumeMigrationRunsJob),
  registerJob(refreshRollupJob),
  registerJob(sendScheduledReportsJob),
  registerJob(reportExportJob),
  registerJob(reportExportCleanupJob),
  registerJob(loanAlertsJob),
  registerJob(trainingFollowUpsJob),
];
