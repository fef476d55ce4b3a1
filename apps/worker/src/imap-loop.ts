// Reads the support mailbox, which must be dedicated to Mutuo: as soon as the server announces a
// message (IDLE), and every IMAP_POLL_SECONDS anyway, every message of the folder not yet processed
// is handed to the core (which records each Message-ID once, so two workers or a crash never process
// one twice), then moved to the processed folder (« Traités », created if missing). What was processed
// is also recorded by UID under the folder's UIDVALIDITY, so nothing depends on the \\Seen flag (a
// message someone opened is still read) and a message that could not be moved is not read again.
// A message whose processing fails stays and is tried again at the next polls; after MAX_TRIES it is
// put in the quarantine as far as it can be read (nothing is lost, and a technician sees it).
import { ImapFlow, type MailboxObject } from "imapflow";
import type { Db } from "@mutuo/db";
import type { JobLogger } from "@mutuo/core/jobs";
import type { FileStore } from "@mutuo/core/files";
import { quarantineFailed, receiveMail } from "@mutuo/core/incoming";

export const MAX_TRIES = 3;

export interface ImapOptions {
  url: string;
  /** IMAP_PASSWORD, when given apart from the URL. */
  password?: string;
  db: Db;
  files: FileStore;
  log: JobLogger;
  ownAddresses: string[];
  defaultServiceCode?: string;
  /** Where processed messages go (created if missing); unset: they stay in the folder. */
  processedFolder?: string;
  trustedAuthservId?: string;
  unauthenticated?: "accept" | "quarantine";
  intervalMs?: number;
  /** Failed tries per message (by UID), kept across polls by the loop. */
  failures?: Map<number, number>;
}

export function imapConfig(url: string, password?: string) {
  const u = new URL(url);
  const secure = u.protocol === "imaps:";
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 993 : 143)),
    secure,
    auth: { user: decodeURIComponent(u.username), pass: password ?? decodeURIComponent(u.password) },
    folder: decodeURIComponent(u.pathname.replace(/^\//, "")) || "INBOX",
  };
}

const clientFor = (
  config: Omit<ReturnType<typeof imapConfig>, "folder">,
  extra: { autoIdleDelay?: number } = {},
) => new ImapFlow({ ...config, logger: false, connectionTimeout: 15_000, ...extra });

/** One pass over the folder's messages not yet processed. */
export async function pollMailbox(opts: ImapOptions): Promise<{ processed: number; failed: number }> {
  const { folder, ...config } = imapConfig(opts.url, opts.password);
  const client = clientFor(config);
  await client.connect();
  let processed = 0;
  let failed = 0;
  const db = opts.db;
  const mailbox = `${config.auth.user}@${config.host}:${config.port}/${folder}`.slice(0, 300);
  try {
    const target = opts.processedFolder && opts.processedFolder !== folder ? opts.processedFolder : null;
    if (target) {
      const made = await client.mailboxCreate(target);
      if (made.created) opts.log.info("processed-mail folder created", { folder: target });
    }
    const lock = await client.getMailboxLock(folder);
    try {
      const uidValidity = BigInt((client.mailbox as MailboxObject).uidValidity);
      // Another UIDVALIDITY: the server renumbered the folder, earlier UIDs now name other messages.
      const stale = await db.imapProcessed.deleteMany({
        where: { mailbox, uidValidity: { not: uidValidity } },
      });
      if (stale.count)
        opts.log.info("mailbox UIDVALIDITY changed: its messages are read again (each Message-ID once)", {
          folder,
          uidValidity: String(uidValidity),
          forgotten: stale.count,
        });
      const uids = (await client.search({ all: true }, { uid: true })) || [];
      // Records of messages gone from the folder (moved or deleted by someone) are of no use.
      await db.imapProcessed.deleteMany({
        where: { mailbox, uidValidity, uid: { notIn: uids.map((u) => BigInt(u)) } },
      });
      const done = new Set(
        (
          await db.imapProcessed.findMany({
            where: { mailbox, uidValidity, uid: { in: uids.map((u) => BigInt(u)) } },
            select: { uid: true },
          })
        ).map((r) => Number(r.uid)),
      );
      /** Out of the folder once processed; the record stays only while the message does. */
      const putAway = async (uid: number) => {
        await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
        if (!target) return;
        if (await client.messageMove(String(uid), target, { uid: true }))
          await db.imapProcessed.deleteMany({ where: { mailbox, uidValidity, uid: BigInt(uid) } });
        else opts.log.error("processed e-mail not moved (it stays, and is not read again)", { uid, target });
      };
      for (const uid of uids) {
        if (done.has(uid)) {
          // Processed, but its move failed (or there is no processed folder): not read again.
          if (target) {
            opts.log.info("e-mail skipped: already processed, moved again", { uid, folder });
            await putAway(uid);
          }
          continue;
        }
        const msg = await client.fetchOne(String(uid), { source: true, internalDate: true }, { uid: true });
        if (!msg || !msg.source) {
          opts.log.info("e-mail skipped: gone before it could be read", { uid, folder });
          continue;
        }
        const arrivedAt = msg.internalDate ? new Date(msg.internalDate) : new Date();
        const tries = opts.failures?.get(uid) ?? 0;
        try {
          const r =
            tries >= MAX_TRIES
              ? await quarantineFailed(db, opts.files, msg.source, { arrivedAt })
              : await receiveMail(db, opts.files, msg.source, {
                  arrivedAt,
                  ownAddresses: opts.ownAddresses,
                  defaultServiceCode: opts.defaultServiceCode,
                  trustedAuthservId: opts.trustedAuthservId,
                  unauthenticated: opts.unauthenticated,
                });
          opts.log.info("incoming e-mail", {
            uid,
            status: r.status,
            reason: r.reason,
            ticketId: r.ticketId ?? undefined,
          });
          await db.imapProcessed.createMany({
            data: [{ mailbox, uidValidity, uid: BigInt(uid) }],
            skipDuplicates: true,
          });
          opts.failures?.delete(uid);
          processed++;
        } catch (error) {
          failed++;
          opts.failures?.set(uid, tries + 1);
          opts.log.error("incoming e-mail not processed (left in the folder, tried again)", {
            uid,
            tries: tries + 1,
            error: String(error),
          });
          continue;
        }
        await putAway(uid).catch((error: unknown) =>
          opts.log.error("processed e-mail not moved (it stays, and is not read again)", {
            uid,
            error: String(error),
          }),
        );
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return { processed, failed };
}

/** Keeps one connection in IDLE on the folder and calls `onNew` as soon as a message arrives (the
 * server pushes it); reconnects after a failure. Polling goes on beside it, so a lost watch only
 * delays mail until the next poll. */
function watchMailbox(opts: ImapOptions, onNew: () => void): { stop(): Promise<void> } {
  const { folder, ...config } = imapConfig(opts.url, opts.password);
  let stopped = false;
  let client: ImapFlow | null = null;
  let wake = () => {};
  const run = async () => {
    while (!stopped) {
      try {
        client = clientFor(config, { autoIdleDelay: 500 });
        client.on("exists", onNew);
        await client.connect();
        await client.mailboxOpen(folder, { readOnly: true });
        await new Promise<void>((resolve) => client!.once("close", () => resolve()));
      } catch (error) {
        if (!stopped) opts.log.error("mailbox watch lost (polling goes on)", { error: String(error) });
      }
      client = null;
      if (!stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, opts.intervalMs ?? 60_000);
          wake = () => (clearTimeout(timer), resolve());
        });
      }
    }
  };
  const done = run();
  return {
    async stop() {
      stopped = true;
      wake();
      await client?.logout().catch(() => client?.close());
      await done;
    },
  };
}

export function startImapLoop(opts: ImapOptions & { watch?: boolean }): { stop(): Promise<void> } {
  opts = { ...opts, failures: opts.failures ?? new Map() };
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true; // a message arrived during a pass: one more pass right after
      return;
    }
    running = pollMailbox(opts)
      .then(() => undefined)
      .catch((error: unknown) => opts.log.error("mailbox poll failed", { error: String(error) }))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  const timer = setInterval(tick, opts.intervalMs ?? 60_000);
  const watcher = opts.watch === false ? null : watchMailbox(opts, tick);
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await watcher?.stop();
      await running;
    },
  };
}
