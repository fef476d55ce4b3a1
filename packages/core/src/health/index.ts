export { checkHealth, checkHealthFor, type HealthDeps } from "./service.ts";
export { healthFromObservations, WORKER_STALE_MS, type HealthReport } from "./decide.ts";
export { healthView, canSeeHostDetails, type HealthView, type PublicHealthReport } from "./policy.ts";
