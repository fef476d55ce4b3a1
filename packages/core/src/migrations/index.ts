export * from "./schema.ts";
export * from "./rules.ts";
export {
  createTemplate,
  updateTemplate,
  createJob,
  closeJob,
  deleteJob,
  receiveFile,
  setFileSettings,
  setMapping,
  saveMappingAsTemplate,
  startRun,
  cancelRun,
  signOff,
  startProductionLoad,
  completeJob,
  DEFAULT_MAX_UPLOAD_BYTES,
  type Enqueue,
} from "./service.ts";
export {
  listJobs,
  getJob,
  jobProgress,
  runErrors,
  stagingView,
  listTemplates,
  jobFormOptions,
  downloadFile,
  errorReport,
  loadArtifact,
  type Download,
  type RunView,
} from "./queries.ts";
export { acceptanceReport } from "./report.ts";
export { executeRun, type EngineDeps } from "./engine.ts";
export { executeProductionLoad, fileExportConnector, type MigrationConnector } from "./connector.ts";
export { sniffFile, readRows } from "./reader.ts";
export { billableMigrationActivities } from "./billable.ts";
export { migrationRunJob } from "./jobs/run.ts";
export { resumeMigrationRunsJob } from "./jobs/resume.ts";
export { seedMigrationDemo } from "./demo.ts";
