export * from "./service.ts";
export { pruneHeartbeatsJob } from "./jobs/prune-heartbeats.ts";
export { clockFrom } from "./clock.ts";
