export {
  receiveMail,
  quarantineFailed,
  guessService,
  type ReceiveOptions,
  type ReceiveResult,
} from "./receive.ts";
export {
  listIncoming,
  countQuarantined,
  getIncoming,
  acceptIncoming,
  rejectIncoming,
  readIncomingAttachment,
  type IncomingListItem,
} from "./quarantine.ts";
export {
  listIncomingInput,
  acceptIncomingInput,
  incomingIdInput,
  INCOMING_VIEWS,
  type AcceptIncomingInput,
  type ListIncomingInput,
} from "./schema.ts";
export { parseMail, type ParsedMail } from "./parse.ts";
export { sanitizeMailHtml } from "./sanitize.ts";
export { isAutomatic, referencedIds, stripQuoted, ticketNumberIn } from "./rules.ts";
