export { checkHealth, type HealthDeps } from "./service.ts";
export { healthFromObservations, WORKER_STALE_MS, type HealthReport } from "./decide.ts";
