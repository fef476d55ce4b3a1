export * from "./schema.ts";
export { PLACEHOLDERS, fillPlaceholders, parisDeadline } from "./rules.ts";
export { canManageShared } from "./policy.ts";
export { createCannedReply, updateCannedReply, deleteCannedReply } from "./service.ts";
export { listCannedReplies, getCannedReply, cannedRepliesForTicket } from "./queries.ts";
