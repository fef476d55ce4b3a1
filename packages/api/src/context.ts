import type { Db } from "@mutuo/db";
import type { Actor, SessionInfo } from "@mutuo/core/identity";
import type { FileStore } from "@mutuo/core/files";

export type { Actor };

export interface ApiContext {
  db: Db;
  /** The signed-in session (second factor checked or not), or null. */
  session: SessionInfo | null;
  /** Where uploaded files' bytes are kept. */
  files: FileStore;
  /** Public URL of the app, for links in e-mails. */
  baseUrl: string;
  /** The current instant: the real clock, except under the end-to-end tests' clock (see apps/web env). */
  now?: () => Date;
  /** Months after a ticket ends before its declarant is anonymised, unless an administrator chose (default 36). */
  retentionMonths?: number;
  /** Where the health check finds the database and the migrations. */
  system: { connectionString: string; migrationsDir: string };
  /** The caller's address, for signatures that record it (a data migration's sign-off). */
  clientIp?: () => Promise<string | null>;
}

export function createContext(ctx: ApiContext): ApiContext {
  return ctx;
}

/** The actor of a fully signed-in session (second factor included), else null. */
export function actorOf(ctx: ApiContext): Actor | null {
  const s = ctx.session;
  if (!s || (s.mfaRequired && !s.mfaVerified)) return null;
  return s.actor;
}
