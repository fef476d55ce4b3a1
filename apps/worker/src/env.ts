// The only module of the worker that reads environment variables.
import path from "node:path";
import { z } from "zod";

/** A mail server URL whose user name or password holds `/ ? #` unencoded is read wrongly (the
 * password becomes a port, a path or a fragment): refuse it with the fix. */
export function credentialsProblem(name: string, raw: string): string | null {
  const userinfo = /^[a-z]+:\/\/(.*)@[^@]*$/i.exec(raw)?.[1];
  if (userinfo && /[/?#]/.test(userinfo))
    return `${name} : l'identifiant ou le mot de passe contient « / », « ? » ou « # », qui coupent l'adresse. Encodez-les en pourcentage (/ → %2F, ? → %3F, # → %23, @ → %40) ou donnez le mot de passe dans ${name.replace("_URL", "_PASSWORD")}.`;
  try {
    new URL(raw);
  } catch {
    return `${name} : adresse illisible (${name === "SMTP_URL" ? "smtp[s]://utilisateur:mot-de-passe@hôte:587" : "imap[s]://utilisateur:mot-de-passe@hôte:993/INBOX"}). Un mot de passe avec des caractères spéciaux s'encode en pourcentage, ou se donne dans ${name.replace("_URL", "_PASSWORD")}.`;
  }
  return null;
}

const mailUrl = (name: "SMTP_URL" | "IMAP_URL") =>
  z
    .string()
    .superRefine((raw, ctx) => {
      const problem = credentialsProblem(name, raw);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional();

const schema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  SMTP_URL: mailUrl("SMTP_URL"),
  /** The relay's password, when it is easier to give apart from SMTP_URL (no encoding needed). */
  SMTP_PASSWORD: z.string().min(1).optional(),
  /** PEM file of the authority that signed the relay's certificate (a private CA, a self-signed relay). */
  SMTP_TLS_CA_FILE: z.string().min(1).optional(),
  MUTUO_BASE_URL: z.string().url().default("http://localhost:3000"),
  /** The provider's name and logo in e-mails. */
  MAIL_PROVIDER_NAME: z.string().min(1).default("Mutuo"),
  MAIL_LOGO_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("Mutuo <mutuo@localhost>"),
  MUTUO_DATA_DIR: z.string().default(".mutuo"),
  MUTUO_MIGRATIONS_DIR: z.string().optional(),
  /** Days after which a resolved ticket not reopened is closed. */
  MUTUO_TICKET_AUTOCLOSE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Waiting on the partner with a date: reminders e-mailed to the partner (0: none), days between
   * them, and closure when the last one goes unanswered (Zammad's pending reminder / close). */
  MUTUO_WAITING_REMINDERS: z.coerce.number().int().min(0).max(10).default(0),
  MUTUO_WAITING_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  MUTUO_WAITING_AUTO_CLOSE: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /** Months after a ticket ends before its declarant is anonymised (an administrator's setting prevails). */
  MUTUO_RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(36),
  /** How long a claimed outbox batch stays with a worker before another may take it over. */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** The support mailbox read for replies and new tickets: imap[s]://user:password@host[:port][/folder]. */
  IMAP_URL: mailUrl("IMAP_URL").refine((u) => !u || /^imaps?:\/\/[^/]*@[^/]+/.test(u), {
    message: "IMAP_URL : attendu imaps://utilisateur:mot-de-passe@hôte:993/INBOX",
  }),
  IMAP_PASSWORD: z.string().min(1).optional(),
  /** Folder where processed messages are moved (created if missing). */
  IMAP_PROCESSED_FOLDER: z.string().trim().min(1).max(200).default("Traités"),
  /** authserv-id of our receiving server, whose Authentication-Results (SPF/DKIM/DMARC) are believed. */
  MAIL_TRUSTED_AUTHSERV_ID: z.string().trim().min(1).max(200).optional(),
  /** Messages our receiving server did not authenticate: accepted (default) or held in the quarantine. */
  MAIL_UNAUTHENTICATED: z.enum(["accept", "quarantine"]).default("accept"),
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
  /** Domain of MAIL_FROM, for our Message-IDs. */
  mailDomain: string;
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
    mailDomain: (/@([^>\s]+)/.exec(env.MAIL_FROM)?.[1] ?? "localhost").toLowerCase(),
    // Messages from these addresses are ours: never answered (no loops).
    ownAddresses: [
      /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM,
      ...(env.IMAP_URL ? [decodeURIComponent(new URL(env.IMAP_URL).username)] : []),
    ]
      .map((a) => a.trim().toLowerCase())
      .filter((a) => a.includes("@")),
  };
}
