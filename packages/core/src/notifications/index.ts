import type { DbTx } from "@mutuo/db";
import type { JobQueue } from "../jobs/queue.ts";
import { SEND_MAIL, sendMailPayload } from "./jobs/send-mail.ts";

export { sendMailJob, SEND_MAIL } from "./jobs/send-mail.ts";

/** Queues an e-mail in the caller's transaction: it leaves only if the change it reports commits. */
export async function queueMail(queue: JobQueue, mail: { to: string; subject: string; text: string }, tx?: DbTx): Promise<void> {
  await queue.send(SEND_MAIL, sendMailPayload.parse(mail), tx);
}
export { enqueueMail, deliverBatch, claimBatch, backoffMs, MAX_ATTEMPTS, render, type OutboxEntry, type HtmlRenderer } from "./outbox.ts";
export { listOutbox, listOutboxInput, getOutboxMessage, retryOutbox } from "./mailbox.ts";
export { CATEGORIES, categoryOf, preferencesOf, preferencesInput, getPreferences, setPreferences, type Category } from "./preferences.ts";
export * from "./incoming/index.ts";
