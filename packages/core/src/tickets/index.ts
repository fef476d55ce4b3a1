export * from "./schema.ts";
export {
  priorityOf,
  OPEN_STATUSES,
  STATUSES,
  CATEGORIES,
  LEVELS,
  canMove,
  parseTicketNumber,
  ticketNumberCandidates,
} from "./rules.ts";
export { createTicket, servicesForBody, type IntakeOptions } from "./create.ts";
export {
  changeStatus,
  assignTicket,
  bulkUpdate,
  changePriority,
  changeService,
  setDiagnosis,
  setDeadline,
} from "./workflow.ts";
export { addMessage, rateTicket, type EmailOrigin } from "./conversation.ts";
export { mergeTicket, linkTickets, unlinkTickets } from "./links.ts";
export {
  listTickets,
  queueCounts,
  queueChanges,
  getTicket,
  assignableStaff,
  type TicketListItem,
} from "./queries.ts";
export * from "./views/index.ts";
export { searchTickets, findTicketByNumber } from "./search.ts";
export { readTicketAttachment } from "./attachments.ts";
export { refreshSlaStates, autoCloseResolved } from "./maintenance.ts";
export { computeSla, calendarFor } from "./sla.ts";
export { refreshSlaJob } from "./jobs/refresh-sla.ts";
export { autoCloseJob } from "./jobs/auto-close.ts";
export { sendDigests } from "./digest.ts";
export { digestJob } from "./jobs/digest.ts";
export { ticketContext } from "./context.ts";
export { heartbeat, leaveTicket, PRESENCE_TTL_MS } from "./presence.ts";
export { processDueWaits } from "./waiting.ts";
export { waitingJob } from "./jobs/waiting.ts";
export { nextWaitingStep, type WaitingSettings } from "./rules.ts";
