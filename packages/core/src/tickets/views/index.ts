export * from "./schema.ts";
export { listQueueViews, type QueueViewItem } from "./queries.ts";
export { createQueueView, renameQueueView, deleteQueueView } from "./service.ts";
export { canShareViews } from "./policy.ts";
