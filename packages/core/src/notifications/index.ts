export {
  enqueueMail,
  deliverBatch,
  type DeliveryOptions,
  type DeliveryReport,
  finalMessageId,
  claimBatch,
  backoffMs,
  MAX_ATTEMPTS,
  render,
  type OutboxEntry,
  type HtmlRenderer,
} from "./outbox.ts";
export { listOutbox, listOutboxInput, getOutboxMessage, retryOutbox, retryAllFailed } from "./mailbox.ts";
export {
  CATEGORIES,
  categoryOf,
  preferencesOf,
  preferencesInput,
  getPreferences,
  setPreferences,
  type Category,
} from "./preferences.ts";
export {
  requestMailTest,
  lastMailTest,
  recordMailTest,
  outboxHealth,
  MAIL_TEST_JOB,
  type MailTestResult,
} from "./mail-test.ts";
