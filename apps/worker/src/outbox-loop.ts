// Delivers the outbox: every few seconds, claim a batch (leases make several workers safe) and send.
import type { Db } from "@mutuo/db";
import type { JobLogger, Mailer } from "@mutuo/core/jobs";
import { deliverBatch, type HtmlRenderer } from "@mutuo/core/notifications";

export interface OutboxLoop {
  stop(): Promise<void>;
}

export function startOutboxLoop(opts: {
  db: Db;
  mailer: Mailer;
  log: JobLogger;
  baseUrl: string;
  intervalMs?: number;
  leaseMs?: number;
  html?: HtmlRenderer;
  scrubSecrets?: boolean;
  messageIdDomain?: string;
}): OutboxLoop {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = async () => {
    // Drain: keep going while full batches come back.
    for (;;) {
      const r = await deliverBatch(opts.db, opts.mailer, opts.baseUrl, new Date(), {
        limit: 20,
        leaseMs: opts.leaseMs,
        html: opts.html,
        scrubSecrets: opts.scrubSecrets,
        messageIdDomain: opts.messageIdDomain,
      });
      const { errors, ...counts } = r;
      if (r.sent || r.retried || r.failed) opts.log.info("outbox delivered", counts);
      // The cause, not only a count: a relay's certificate, credentials, a refused recipient…
      for (const e of errors)
        opts.log.error(e.final ? "e-mail not delivered (given up)" : "e-mail not delivered (will retry)", e);
      if (stopped || r.sent + r.retried + r.failed < 20) return;
    }
  };
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = tick()
      .catch((error: unknown) => opts.log.error("outbox delivery failed", { error: String(error) }))
      .finally(() => {
        running = null;
      });
  }, opts.intervalMs ?? 2000);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
