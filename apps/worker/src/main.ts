// Entry point of the worker process (bundled to dist/main.mjs).
import { localFileStore } from "@mutuo/core/files";
import { clockFrom } from "@mutuo/core/system";
import { createPrismaClient } from "@mutuo/db";
import { applyMigrations } from "@mutuo/db/migrate";
import { createMailSender } from "@mutuo/email";
import { renderHtml } from "@mutuo/email/html";
import { loadEnv } from "./env.ts";
import { createLogger } from "./log.ts";
import { pollMailbox, startImapLoop, type ImapOptions } from "./imap-loop.ts";
import { startOutboxLoop } from "./outbox-loop.ts";
import { startWorker } from "./worker.ts";

const log = createLogger();

async function main() {
  const env = loadEnv();
  await applyMigrations({
    connectionString: env.DATABASE_URL,
    migrationsDir: env.migrationsDir,
    log: (m) => log.info(m),
  });
  const db = createPrismaClient(env.DATABASE_URL, { max: env.WORKER_CONCURRENCY + 2 });
  const mail = createMailSender({
    from: env.MAIL_FROM,
    smtpUrl: env.SMTP_URL,
    smtpPassword: env.SMTP_PASSWORD,
    smtpCaFile: env.SMTP_TLS_CA_FILE,
    outboxDir: env.outboxDir,
  });
  const imapOptions: ImapOptions | null = env.IMAP_URL
    ? {
        url: env.IMAP_URL,
        password: env.IMAP_PASSWORD,
        processedFolder: env.IMAP_PROCESSED_FOLDER,
        trustedAuthservId: env.MAIL_TRUSTED_AUTHSERV_ID,
        unauthenticated: env.MAIL_UNAUTHENTICATED,
        db,
        files: localFileStore(env.filesDir),
        log,
        ownAddresses: env.ownAddresses,
        defaultServiceCode: env.MAIL_DEFAULT_SERVICE,
        intervalMs: env.IMAP_POLL_SECONDS * 1000,
      }
    : null;
  const worker = await startWorker({
    connectionString: env.DATABASE_URL,
    db,
    mailer: mail,
    log,
    concurrency: env.WORKER_CONCURRENCY,
    scheduleData: {
      "tickets.auto-close": { days: env.MUTUO_TICKET_AUTOCLOSE_DAYS },
      "tickets.waiting": {
        reminders: env.MUTUO_WAITING_REMINDERS,
        reminderDays: env.MUTUO_WAITING_REMINDER_DAYS,
        autoClose: env.MUTUO_WAITING_AUTO_CLOSE,
      },
      "retention.anonymise-declarants": { defaultMonths: env.MUTUO_RETENTION_MONTHS },
    },
    now: clockFrom(env.MUTUO_E2E_CLOCK_FILE),
    runRequestFile: env.MUTUO_E2E_CLOCK_FILE ? `${env.MUTUO_E2E_CLOCK_FILE}.run` : undefined,
    files: localFileStore(env.filesDir),
    mailSetup: {
      smtp: Boolean(env.SMTP_URL),
      readMailbox: imapOptions ? () => pollMailbox(imapOptions) : undefined,
    },
  });
  const outbox = startOutboxLoop({
    db,
    mailer: mail,
    log,
    baseUrl: env.MUTUO_BASE_URL,
    leaseMs: env.OUTBOX_LEASE_SECONDS * 1000,
    scrubSecrets: Boolean(env.SMTP_URL),
    messageIdDomain: env.mailDomain,
    html: (content, locale) =>
      renderHtml(content, { locale, providerName: env.MAIL_PROVIDER_NAME, logoUrl: env.MAIL_LOGO_URL }),
  });

  const imap = imapOptions ? startImapLoop(imapOptions) : null;
  log.info("worker started", {
    id: worker.id,
    mailbox: env.IMAP_URL
      ? `watched (IDLE) and polled; processed messages go to "${env.IMAP_PROCESSED_FOLDER}"`
      : "not configured (IMAP_URL unset)",
    senders: env.MAIL_TRUSTED_AUTHSERV_ID
      ? `checked by the Authentication-Results of ${env.MAIL_TRUSTED_AUTHSERV_ID} (unauthenticated: ${env.MAIL_UNAUTHENTICATED})`
      : "not checked (MAIL_TRUSTED_AUTHSERV_ID unset)",
  });

  const shutdown = async (signal: string) => {
    log.info("stopping", { signal });
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await imap?.stop();
      await outbox.stop();
      await worker.stop();
      await db.$disconnect();
      mail.close();
      log.info("stopped");
      process.exit(0);
    } catch (error) {
      log.error("error while stopping", { error: String(error) });
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  log.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
