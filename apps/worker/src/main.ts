// Entry point of the worker process (bundled to dist/main.mjs).
import { localFileStore } from "@mutuo/core/files";
import { clockFrom } from "@mutuo/core/system";
import { createPrismaClient } from "@mutuo/db";
import { applyMigrations } from "@mutuo/db/migrate";
import { createMailSender } from "@mutuo/email";
import { renderHtml } from "@mutuo/email/html";
import { loadEnv } from "./env.ts";
import { createLogger } from "./log.ts";
import { startImapLoop } from "./imap-loop.ts";
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
  const mail = createMailSender({ from: env.MAIL_FROM, smtpUrl: env.SMTP_URL, outboxDir: env.outboxDir });
  const worker = await startWorker({
    connectionString: env.DATABASE_URL,
    db,
    mailer: mail,
    log,
    concurrency: env.WORKER_CONCURRENCY,
    scheduleData: {
      "tickets.auto-close": { days: env.MUTUO_TICKET_AUTOCLOSE_DAYS },
      "retention.anonymise-declarants": { defaultMonths: env.MUTUO_RETENTION_MONTHS },
    },
    now: clockFrom(env.MUTUO_E2E_CLOCK_FILE),
  });
  const outbox = startOutboxLoop({
    db,
    mailer: mail,
    log,
    baseUrl: env.MUTUO_BASE_URL,
    leaseMs: env.OUTBOX_LEASE_SECONDS * 1000,
    scrubSecrets: Boolean(env.SMTP_URL),
    html: (content, locale) =>
      renderHtml(content, { locale, providerName: env.MAIL_PROVIDER_NAME, logoUrl: env.MAIL_LOGO_URL }),
  });
  const imap = env.IMAP_URL
    ? startImapLoop({
        url: env.IMAP_URL,
        db,
        files: localFileStore(env.filesDir),
        log,
        ownAddresses: env.ownAddresses,
        defaultServiceCode: env.MAIL_DEFAULT_SERVICE,
        intervalMs: env.IMAP_POLL_SECONDS * 1000,
      })
    : null;
  log.info("worker started", {
    id: worker.id,
    mailbox: env.IMAP_URL ? "watched (IDLE) and polled" : "not configured (IMAP_URL unset)",
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
