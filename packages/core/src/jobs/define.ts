// How a background job is declared. Definitions live beside their domain
// (packages/core/src/<domain>/jobs/); the worker only registers and runs them.
import type { z } from "zod";
import type { Db } from "@mutuo/db";
import type { StreamingFileStore } from "../files/index.ts";

/** Outgoing mail port; the worker injects the nodemailer implementation from @mutuo/email. */
export interface Mailer {
  send(message: {
    to: string | string[];
    subject: string;
    text: string;
    html?: string;
    messageId?: string;
    inReplyTo?: string;
    references?: string;
    headers?: Record<string, string>;
    attachments?: { filename: string; content: Buffer; contentType: string }[];
    /** A calendar invitation carried as a text/calendar part (see @mutuo/email). */
    icalEvent?: { method: string; filename?: string; content: string };
  }): Promise<void>;
}

export interface JobLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface JobContext {
  db: Db;
  mailer: Mailer;
  log: JobLogger;
  now(): Date;
  /** How this worker sends and receives mail (for the configuration test). */
  mailSetup?: MailSetup;
  /** The file store (data migrations read their files from it). */
  files?: StreamingFileStore;
}

export interface MailSetup {
  /** A real relay (SMTP_URL), rather than the outbox folder. */
  smtp: boolean;
  /** Reads the support mailbox once (IMAP_URL); absent when none is configured. */
  readMailbox?: () => Promise<{ processed: number; failed: number }>;
}

export interface JobDefinition<T = unknown> {
  /** Queue name, `<domain>.<action>`. */
  name: string;
  /** Validates the payload before the handler runs; invalid payloads fail the job without retry. */
  schema: z.ZodType<T>;
  /** Recurring schedule (cron, Europe/Paris unless `tz` is given). */
  schedule?: { cron: string; tz?: string; data?: T };
  retryLimit?: number;
  expireInSeconds?: number;
  /** Jobs must be idempotent: a job may run more than once (retries, crashes). */
  handler(data: T, ctx: JobContext): Promise<void>;
}

export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}
