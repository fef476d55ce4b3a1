// Reads the support mailbox: as soon as the server announces a message (IDLE), and every
// IMAP_POLL_SECONDS anyway, the unread messages of the folder are handed to the
// core (which records each Message-ID once, so two workers or a crash never process one twice),
// then flagged as read. A message whose processing fails stays unread and is tried again at the next
// polls; after MAX_TRIES it is put in the quarantine as far as it can be read (nothing is lost, and a
// technician sees it) instead of failing at every poll forever.
import { ImapFlow } from "imapflow";
import type { Db } from "@mutuo/db";
import type { JobLogger } from "@mutuo/core/jobs";
import type { FileStore } from "@mutuo/core/files";
import { quarantineFailed, receiveMail } from "@mutuo/core/incoming";

export const MAX_TRIES = 3;

export interface ImapOptions {
  url: string;
  db: Db;
  files: FileStore;
  log: JobLogger;
  ownAddresses: string[];
  defaultServiceCode?: string;
  intervalMs?: number;
  /** Failed tries per message (by UID), kept across polls by the loop. */
  failures?: Map<number, number>;
}

export function imapConfig(url: string) {
  const u = new URL(url);
  const secure = u.protocol === "imaps:";
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 993 : 143)),
    secure,
    auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
    folder: decodeURIComponent(u.pathname.replace(/^\//, "")) || "INBOX",
  };
}

const clientFor = (
  config: Omit<ReturnType<typeof imapConfig>, "folder">,
  extra: { autoIdleDelay?: number } = {},
) => new ImapFlow({ ...config, logger: false, connectionTimeout: 15_000, ...extra });

/** One pass over the folder's unread messages. */
export async function pollMailbox(opts: ImapOptions): Promise<{ processed: number; failed: number }> {
  const { folder, ...config } = imapConfig(opts.url);
  const client = clientFor(config);
  await client.connect();
  let processed = 0;
  let failed = 0;
  try {
    const lock = await client.getMailboxLock(folder);
    try {
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids) {
        const msg = await client.fetchOne(String(uid), { source: true, internalDate: true }, { uid: true });
        if (!msg || !msg.source) continue;
        const arrivedAt = msg.internalDate ? new Date(msg.internalDate) : new Date();
        const tries = opts.failures?.get(uid) ?? 0;
        try {
          const r =
            tries >= MAX_TRIES
              ? await quarantineFailed(opts.db, opts.files, msg.source, { arrivedAt })
              : await receiveMail(opts.db, opts.files, msg.source, {
                  arrivedAt,
                  ownAddresses: opts.ownAddresses,
                  defaultServiceCode: opts.defaultServiceCode,
                });
          opts.log.info("incoming e-mail", {
            uid,
            status: r.status,
            reason: r.reason,
            ticketId: r.ticketId ?? undefined,
          });
          await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
          opts.failures?.delete(uid);
          processed++;
        } catch (error) {
          failed++;
          opts.failures?.set(uid, tries + 1);
          opts.log.error("incoming e-mail not processed (left unread, tried again)", {
            uid,
            tries: tries + 1,
            error: String(error),
          });
        }
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
  const { folder, ...config } = imapConfig(opts.url);
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
