import type { DbTx } from "@mutuo/db";

/** Enqueues background jobs; with `tx`, the job is committed (or not) with the caller's transaction. */
export interface JobQueue {
  send(name: string, data: object, tx?: DbTx): Promise<void>;
}
