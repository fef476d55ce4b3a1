// The only module of the worker that reads environment variables.
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  SMTP_URL: z.string().url().optional(),
  MUTUO_BASE_URL: z.string().url().default("http://localhost:3000"),
  /** The provider's name and logo in e-mails. */
  MAIL_PROVIDER_NAME: z.string().min(1).default("Mutuo"),
  MAIL_LOGO_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("Mutuo <mutuo@localhost>"),
  MUTUO_DATA_DIR: z.string().default(".mutuo"),
  MUTUO_MIGRATIONS_DIR: z.string().optional(),
  /** Days after which a resolved ticket not reopened is closed. */
  MUTUO_TICKET_AUTOCLOSE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Months after a ticket ends before its declarant is anonymised (an administrator's setting prevails). */
  MUTUO_RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(36),
  /** How long a claimed outbox batch stays with a worker before another may take it over. */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** The support mailbox read for replies and new tickets: imap[s]://user:password@host[:port][/folder]. */
  IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\/[^/]+@[^/]+/, {
      message: "IMAP_URL must look like imaps://user:password@host:993/INBOX",
    })
    .optional(),
  IMAP_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Code of the catalogue service for e-mails that name none (when the body's conventions cover several). */
  MAIL_DEFAULT_SERVICE: z.string().min(1).max(40).optional(),
  /** End-to-end tests only: a file holding an ISO instant at which the jobs read the time. */
  MUTUO_E2E_CLOCK_FILE: z.string().optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
});

export type WorkerEnv = z.infer<typeof schema> & {
  migrationsDir: string;
  outboxDir: string;
  filesDir: string;
  ownAddresses: string[];
};

export function loadEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid worker configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  // Paths are relative to the repository root (the supervisor's working directory).
  return {
    ...env,
    migrationsDir: path.resolve(env.MUTUO_MIGRATIONS_DIR ?? "prisma/migrations"),
    outboxDir: path.resolve(env.MUTUO_DATA_DIR, "outbox"),
    filesDir: path.resolve(env.MUTUO_DATA_DIR, "files"),
    // Messages from these addresses are ours: never answered (no loops).
    ownAddresses: [
      /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM,
      ...(env.IMAP_URL ? [decodeURIComponent(new URL(env.IMAP_URL).username)] : []),
    ]
      .map((a) => a.trim().toLowerCase())
      .filter((a) => a.includes("@")),
  };
}
