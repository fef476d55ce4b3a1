// Incoming mail through a real IMAP server (Debian's dovecot): replies land in their ticket, automatic
// messages are never answered, two workers polling together process each message once, and a message
// that keeps failing ends in the quarantine instead of failing forever.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { DOVECOT_MISSING, dovecotBinary, startDovecot, type RunningDovecot } from "@mutuo/db/testing/dovecot";
import { localFileStore, type FileStore } from "@mutuo/core/files";
import { actorByEmail } from "@mutuo/core/identity";
import { createTicket } from "@mutuo/core/tickets";
import { imapConfig, MAX_TRIES, pollMailbox, startImapLoop } from "./imap-loop.ts";

const available = dovecotBinary() !== null;
if (!available) console.warn(DOVECOT_MISSING);
const silent = { info: () => {}, error: () => {} };

describe.skipIf(!available)("incoming mail over IMAP (dovecot)", () => {
  let tdb: TestDatabase;
  let imap: RunningDovecot;
  let files: FileStore;
  let dir: string;

  const client = () => {
    const { folder: _, ...c } = imapConfig(imap.url);
    return new ImapFlow({ ...c, logger: false });
  };
  const appendTo = async (folder: string, flags: string[], ...messages: string[]) => {
    const c = client();
    await c.connect();
    for (const m of messages)
      await c
        .append(folder, Buffer.from(m.replace(/\n/g, "\r\n")), flags, new Date("2026-11-23T10:15:00Z"))
        .catch((e: { responseText?: string }) => {
          throw new Error(`APPEND refused: ${e.responseText}`);
        });
    await c.logout();
  };
  const append = (...messages: string[]) => appendTo("INBOX", [], ...messages);
  /** UIDs of a folder's messages, and their Message-IDs. */
  const folderContent = async (folder: string) => {
    const c = client();
    await c.connect();
    try {
      const lock = await c.getMailboxLock(folder);
      try {
        const ids: string[] = [];
        for await (const m of c.fetch("1:*", { envelope: true })) ids.push(m.envelope?.messageId ?? "");
        return ids;
      } catch {
        return [];
      } finally {
        lock.release();
      }
    } finally {
      await c.logout();
    }
  };
  const poll = (extra: Partial<Parameters<typeof pollMailbox>[0]> = {}) =>
    pollMailbox({
      url: imap.url,
      db: tdb.prisma(),
      files,
      log: silent,
      ownAddresses: ["mutuo@val-orlene.example"],
      processedFolder: "Traités",
      ...extra,
    });

  beforeAll(async () => {
    [tdb, imap] = await Promise.all([createTestDatabase(), startDovecot()]);
    await seedDemo(tdb.prisma());
    dir = await mkdtemp(path.join(os.tmpdir(), "mutuo-imap-"));
    files = localFileStore(dir);
  }, 120_000);
  afterAll(async () => {
    await imap?.stop();
    await tdb?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("adds a reply to the acknowledgement to its ticket, ignores an auto-reply, and moves both to « Traités »", async () => {
    const db = tdb.prisma();
    const agent = (await actorByEmail(db, "agent@bellerive.example"))!;
    const service = await db.service.findUniqueOrThrow({ where: { code: "SIGMA" } });
    const t = await createTicket(db, files, agent, {
      bodyId: agent.bodyIds[0]!,
      serviceId: service.id,
      subject: "Carte blanche",
      description: "La carte reste blanche depuis ce matin.",
      category: "fault",
      impact: "medium",
      urgency: "medium",
      declarantName: "Marc Delorme",
      declarantEmail: "agent@bellerive.example",
    });
    const ack = await db.outboxMessage.findFirstOrThrow({
      where: { ticketId: t.id, template: "ticket.received" },
    });
    await append(
      `From: Marc Delorme <agent@bellerive.example>\nTo: mutuo@val-orlene.example\nSubject: Re: [${t.number}] Demande reçue : Carte blanche\nMessage-ID: <r1@bellerive.example>\nIn-Reply-To: ${ack.messageId}\nContent-Type: text/plain; charset=utf-8\n\nLa carte est revenue après redémarrage, merci.\n\nLe 23/11/2026 à 09:00, Mutuo a écrit :\n> Votre demande est enregistrée.\n`,
      `From: agent@bellerive.example\nTo: mutuo@val-orlene.example\nSubject: Réponse automatique : [${t.number}]\nMessage-ID: <auto1@bellerive.example>\nAuto-Submitted: auto-replied\nContent-Type: text/plain\n\nJe suis absent.\n`,
    );
    expect(await poll()).toEqual({ processed: 2, failed: 0 });
    const replies = await db.ticketMessage.findMany({ where: { ticketId: t.id, kind: "reply" } });
    expect(replies.map((r) => r.body)).toEqual(["La carte est revenue après redémarrage, merci."]);
    expect(
      await db.incomingMail.findUniqueOrThrow({ where: { messageId: "<auto1@bellerive.example>" } }),
    ).toMatchObject({ status: "ignored", reason: "automatic" });
    // Nothing was sent back to the auto-reply.
    expect(
      await db.outboxMessage.count({ where: { ticketId: t.id, toEmail: "agent@bellerive.example" } }),
    ).toBe(1);
    expect(await poll()).toEqual({ processed: 0, failed: 0 }); // all read
    expect(await folderContent("INBOX")).toEqual([]);
    expect((await folderContent("Traités")).sort()).toEqual([
      "<auto1@bellerive.example>",
      "<r1@bellerive.example>",
    ]);
  });

  it("reads a message someone already opened in the mailbox, and never twice one it could not move", async () => {
    const db = tdb.prisma();
    await appendTo(
      "INBOX",
      ["\\Seen"],
      `From: Marc Delorme <agent@bellerive.example>\nTo: mutuo@val-orlene.example\nSubject: Traceur hors service\nMessage-ID: <seen-1@bellerive.example>\nContent-Type: text/plain; charset=utf-8\n\nLe traceur du service urbanisme ne sort plus les plans de SIG-M@.\n`,
    );
    expect(await poll()).toEqual({ processed: 1, failed: 0 });
    expect(
      await db.incomingMail.findUniqueOrThrow({ where: { messageId: "<seen-1@bellerive.example>" } }),
    ).toMatchObject({ status: "ticket" });
    expect(await folderContent("Traités")).toContain("<seen-1@bellerive.example>");
    // Without a folder to move to, the message stays, and its UID says it was processed.
    await append(
      `From: Marc Delorme <agent@bellerive.example>\nTo: mutuo@val-orlene.example\nSubject: Traceur, suite\nMessage-ID: <stay-1@bellerive.example>\nContent-Type: text/plain; charset=utf-8\n\nLe traceur sort des pages blanches depuis SIG-M@.\n`,
    );
    expect(await poll({ processedFolder: undefined })).toEqual({ processed: 1, failed: 0 });
    expect(await poll({ processedFolder: undefined })).toEqual({ processed: 0, failed: 0 });
    expect(await folderContent("INBOX")).toEqual(["<stay-1@bellerive.example>"]);
    // Once a folder is configured, it is moved there without being read again.
    const log: string[] = [];
    expect(await poll({ log: { info: (m) => void log.push(m), error: (m) => void log.push(m) } })).toEqual({
      processed: 0,
      failed: 0,
    });
    expect(log).toContain("e-mail skipped: already processed, moved again");
    expect(await folderContent("INBOX")).toEqual([]);
  });

  it("reads a folder again when its UIDVALIDITY changes (the server renumbered it)", async () => {
    const db = tdb.prisma();
    const c = client();
    await c.connect();
    await c.mailboxCreate("Support");
    await c.logout();
    const url = imap.url.replace(/\/INBOX$/, "/Support");
    const pollSupport = () => poll({ url, processedFolder: undefined });
    await appendTo(
      "Support",
      [],
      `From: Marc Delorme <agent@bellerive.example>\nTo: mutuo@val-orlene.example\nSubject: Badge perdu\nMessage-ID: <uv-1@bellerive.example>\nContent-Type: text/plain; charset=utf-8\n\nUn badge d'accès a été perdu ce matin, SIG-M@ à couper.\n`,
    );
    expect(await pollSupport()).toEqual({ processed: 1, failed: 0 });
    expect(await pollSupport()).toEqual({ processed: 0, failed: 0 });
    // The folder is re-created: its first message has UID 1 again, under another UIDVALIDITY.
    const c2 = client();
    await c2.connect();
    const before = ((await c2.status("Support", { uidValidity: true })) as { uidValidity?: bigint })
      .uidValidity;
    await c2.mailboxDelete("Support");
    await new Promise((r) => setTimeout(r, 1100)); // dovecot derives UIDVALIDITY from the clock
    await c2.mailboxCreate("Support");
    const after = ((await c2.status("Support", { uidValidity: true })) as { uidValidity?: bigint })
      .uidValidity;
    await c2.logout();
    expect(after).not.toBe(before);
    await appendTo(
      "Support",
      [],
      `From: Marc Delorme <agent@bellerive.example>\nTo: mutuo@val-orlene.example\nSubject: Badge retrouvé\nMessage-ID: <uv-2@bellerive.example>\nContent-Type: text/plain; charset=utf-8\n\nLe badge a été retrouvé, SIG-M@ peut le réactiver.\n`,
    );
    expect(await pollSupport()).toEqual({ processed: 1, failed: 0 });
    expect(
      await db.incomingMail.findUniqueOrThrow({ where: { messageId: "<uv-2@bellerive.example>" } }),
    ).toMatchObject({ status: "ticket" });
  });

  it("holds a message our receiving server found forged, believing only its own Authentication-Results", async () => {
    const db = tdb.prisma();
    const mx = "mx.val-orlene.example";
    await append(
      `Authentication-Results: ${mx}; spf=fail smtp.mailfrom=faux.example; dkim=none; dmarc=fail (p=none) header.from=bellerive.example\nFrom: Marc Delorme <agent@bellerive.example>\nTo: mutuo@val-orlene.example\nSubject: Changement de RIB\nMessage-ID: <spoof-1@faux.example>\nContent-Type: text/plain; charset=utf-8\n\nMerci de modifier le RIB de la commune dans SIG-M@.\n`,
      `Authentication-Results: ${mx}; spf=pass smtp.mailfrom=bellerive.example; dkim=pass header.d=bellerive.example; dmarc=pass header.from=bellerive.example\nAuthentication-Results: faux.example; dmarc=fail\nFrom: Marc Delorme <agent@bellerive.example>\nTo: mutuo@val-orlene.example\nSubject: Couche cadastre\nMessage-ID: <auth-1@bellerive.example>\nContent-Type: text/plain; charset=utf-8\n\nLa couche cadastre ne s'affiche plus dans SIG-M@.\n`,
      `From: Marc Delorme <agent@bellerive.example>\nTo: mutuo@val-orlene.example\nSubject: Sans en-tête\nMessage-ID: <unauth-1@bellerive.example>\nContent-Type: text/plain; charset=utf-8\n\nLa couche PLU ne s'affiche plus dans SIG-M@.\n`,
    );
    expect(await poll({ trustedAuthservId: mx, unauthenticated: "quarantine" })).toEqual({
      processed: 3,
      failed: 0,
    });
    const status = async (messageId: string) =>
      db.incomingMail.findUniqueOrThrow({ where: { messageId }, select: { status: true, reason: true } });
    expect(await status("<spoof-1@faux.example>")).toEqual({
      status: "quarantined",
      reason: "spoofed_dmarc",
    });
    expect(await status("<auth-1@bellerive.example>")).toEqual({ status: "ticket", reason: null });
    expect(await status("<unauth-1@bellerive.example>")).toEqual({
      status: "quarantined",
      reason: "unauthenticated",
    });
  });

  it("processes each message once when two workers poll together, and a message read twice (same Message-ID) once", async () => {
    const db = tdb.prisma();
    const msgs = Array.from(
      { length: 8 },
      (_, i) =>
        `From: Marc Delorme <agent@bellerive.example>\nTo: mutuo@val-orlene.example\nSubject: Nouvelle demande ${i} sur SIG-M@\nMessage-ID: <n${i}@bellerive.example>\nContent-Type: text/plain; charset=utf-8\n\nLe dossier ${i} ne s'ouvre plus dans SIG-M@.\n`,
    );
    await append(...msgs, msgs[0]!); // the first one twice, as a client's resend would
    const [a, b] = await Promise.all([poll(), poll()]);
    expect(a.failed + b.failed).toBe(0);
    expect(
      await db.ticket.count({ where: { channel: "email", subject: { startsWith: "Nouvelle demande" } } }),
    ).toBe(8);
    const ticket = await db.ticket.findFirstOrThrow({
      where: { subject: "Nouvelle demande 3 sur SIG-M@" },
      include: { service: true },
    });
    expect(ticket.service.code).toBe("SIGMA");
    expect(ticket.receivedAt.toISOString()).toBe("2026-11-23T10:15:00.000Z"); // the arrival in the mailbox
    expect(await db.incomingMail.count({ where: { messageId: { startsWith: "<n" } } })).toBe(8);
  });

  it("puts a message that keeps failing in the quarantine after MAX_TRIES polls, with its attachment", async () => {
    const db = tdb.prisma();
    // A file store that is down for the first MAX_TRIES writes (a full disk, a lost share…).
    let down = MAX_TRIES;
    const flaky: FileStore = {
      ...files,
      put: (bytes) =>
        down-- > 0 ? Promise.reject(new Error("ENOSPC: no space left on device")) : files.put(bytes),
    };
    const failures = new Map<number, number>();
    const pollFlaky = () =>
      pollMailbox({
        url: imap.url,
        db,
        files: flaky,
        log: silent,
        ownAddresses: ["mutuo@val-orlene.example"],
        failures,
      });
    await append(
      `From: Marc Delorme <agent@bellerive.example>\nTo: mutuo@val-orlene.example\nSubject: Scanner du service urbanisme\nMessage-ID: <poison@bellerive.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\nLe scanner du service urbanisme ne numérise plus vers SIG-M@.\n--b\nContent-Type: application/pdf; name="scan.pdf"\nContent-Disposition: attachment; filename="scan.pdf"\n\n%PDF-1.4\n%%EOF\n--b--\n`,
    );
    for (let i = 0; i < MAX_TRIES; i++) expect(await pollFlaky()).toEqual({ processed: 0, failed: 1 });
    expect(await db.incomingMail.count({ where: { messageId: "<poison@bellerive.example>" } })).toBe(0); // still unread, nothing recorded
    expect(await pollFlaky()).toEqual({ processed: 1, failed: 0 });
    const mail = await db.incomingMail.findUniqueOrThrow({
      where: { messageId: "<poison@bellerive.example>" },
      include: { attachments: { include: { file: true } } },
    });
    expect(mail).toMatchObject({
      status: "quarantined",
      reason: "failed",
      subject: "Scanner du service urbanisme",
      ticketId: null,
    });
    expect(mail.attachments.map((a) => a.file.name)).toEqual(["scan.pdf"]);
    expect(await db.ticket.count({ where: { subject: "Scanner du service urbanisme" } })).toBe(0);
    expect(await pollFlaky()).toEqual({ processed: 0, failed: 0 }); // read now
  });

  it("takes a new message as soon as the server announces it (IDLE), long before the next poll, and stops promptly", async () => {
    const db = tdb.prisma();
    const loop = startImapLoop({
      url: imap.url,
      db,
      files,
      log: silent,
      ownAddresses: ["mutuo@val-orlene.example"],
      intervalMs: 10 * 60_000,
    });
    try {
      await new Promise((r) => setTimeout(r, 2000)); // the first pass is done and the watch is in IDLE
      const sent = Date.now();
      await append(
        `From: Marc Delorme <agent@bellerive.example>\nTo: mutuo@val-orlene.example\nSubject: Lecteur de badges en panne\nMessage-ID: <idle-1@bellerive.example>\nContent-Type: text/plain; charset=utf-8\n\nLe lecteur de badges de l'accueil ne répond plus dans SIG-M@.\n`,
      );
      await expect
        .poll(() => db.incomingMail.count({ where: { messageId: "<idle-1@bellerive.example>" } }), {
          timeout: 15_000,
          interval: 200,
        })
        .toBe(1);
      expect(Date.now() - sent).toBeLessThan(15_000); // the poll interval is 10 minutes
    } finally {
      const t0 = Date.now();
      await loop.stop();
      expect(Date.now() - t0).toBeLessThan(5000);
    }
  }, 30_000);
});
