import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Mailer } from "../jobs/define.ts";
import { deliverBatch, enqueueMail, MAX_ATTEMPTS, render } from "./outbox.ts";
import { retryAllFailed, retryOutbox } from "./mailbox.ts";
import { actorByEmail } from "../identity/index.ts";

type Sent = Parameters<Mailer["send"]>[0];

describe("outbox", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
  });
  afterAll(async () => tdb.drop());

  const entry = (key: string) => ({
    dedupKey: key,
    template: "ticket.received" as const,
    to: "Declarant@Example.test",
    data: { number: "SOS-2026-000001", subject: "Imprimante", path: "/tickets/x" },
  });

  it("queues a message once per key, in the caller's transaction", async () => {
    const db = tdb.prisma();
    await db.$transaction(async (tx) => {
      await enqueueMail(tx, entry("k1"));
      await enqueueMail(tx, entry("k1"));
    });
    await expect(
      db.$transaction(async (tx) => {
        await enqueueMail(tx, entry("k2"));
        throw new Error("the change fails");
      }),
    ).rejects.toThrow();
    expect(await db.outboxMessage.count({ where: { dedupKey: { in: ["k1", "k2"] } } })).toBe(1);
  });

  it("delivers with a stable Message-ID, retries with backoff after a failure, then gives up", async () => {
    const db = tdb.prisma();
    const sent: Sent[] = [];
    let fail = true;
    const mailer: Mailer = {
      send: async (m) => {
        if (fail) throw new Error("SMTP 451");
        sent.push(m);
      },
    };
    const t0 = new Date(Date.now() + 5_000);
    expect(await deliverBatch(db, mailer, "https://mutuo.test", t0)).toMatchObject({ retried: 1, sent: 0 });
    const after = await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "k1" } });
    expect(after).toMatchObject({ status: "pending", attempts: 1, lastError: "SMTP 451" });
    expect(after.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000);
    expect(
      await deliverBatch(db, mailer, "https://mutuo.test", new Date(t0.getTime() + 30_000)),
    ).toMatchObject({ sent: 0, retried: 0 }); // not yet due
    fail = false;
    expect(
      await deliverBatch(db, mailer, "https://mutuo.test", new Date(t0.getTime() + 61_000)),
    ).toMatchObject({ sent: 1 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: "declarant@example.test",
      subject: "[SOS-2026-000001] Demande reçue : Imprimante",
      messageId: after.messageId,
      headers: { "Auto-Submitted": "auto-generated" },
    });
    expect(sent[0]!.text).toContain("https://mutuo.test/tickets/x");
    expect(
      await deliverBatch(db, mailer, "https://mutuo.test", new Date(t0.getTime() + 3600_000)),
    ).toMatchObject({ sent: 0 }); // never twice

    await db.$transaction((tx) => enqueueMail(tx, entry("k3")));
    const broken: Mailer = {
      send: async () => {
        throw new Error("no route");
      },
    };
    let at = t0.getTime() + 7200_000;
    for (let i = 0; i < MAX_ATTEMPTS; i++, at += 3600_000)
      await deliverBatch(db, broken, "https://mutuo.test", new Date(at));
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "k3" } })).toMatchObject({
      status: "failed",
      attempts: MAX_ATTEMPTS,
    });
  });

  it("gives up at once on a recipient the relay refuses for good (5xx), and retries a passing refusal (4xx)", async () => {
    const db = tdb.prisma();
    await db.$transaction(async (tx) => {
      await enqueueMail(tx, { ...entry("k-550"), to: "nobody@example.test" });
      await enqueueMail(tx, { ...entry("k-451"), to: "busy@example.test" });
    });
    // Errors shaped as nodemailer reports them (see @mutuo/email's test against a real SMTP server).
    const relay: Mailer = {
      send: async (m) => {
        throw Object.assign(new Error(`Recipient command failed`), {
          code: "EENVELOPE",
          command: "RCPT TO",
          responseCode: m.to === "nobody@example.test" ? 550 : 451,
        });
      },
    };
    await deliverBatch(db, relay, "https://mutuo.test", new Date(Date.now() + 10 * 3600_000));
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "k-550" } })).toMatchObject({
      status: "failed",
      attempts: 1,
    });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "k-451" } })).toMatchObject({
      status: "pending",
      attempts: 1,
    });

    // Admins put failed e-mails back in the queue, one or all; nobody else may.
    const admin = (await actorByEmail(db, "admin@val-orlene.example"))!;
    const tech = (await actorByEmail(db, "tech@val-orlene.example"))!;
    const k550 = await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "k-550" } });
    await expect(
      retryOutbox(db, admin, (await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "k-451" } })).id),
    ).rejects.toMatchObject({ code: "CONFLICT" }); // not failed
    await expect(retryAllFailed(db, tech)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const failedBefore = await db.outboxMessage.count({ where: { status: "failed" } });
    expect(failedBefore).toBeGreaterThanOrEqual(1);
    const at = new Date(Date.now() + 11 * 3600_000);
    expect(await retryAllFailed(db, admin, at)).toBe(failedBefore);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: k550.id } })).toMatchObject({
      status: "pending",
      attempts: 0,
      nextAttemptAt: at,
    });
    expect(await db.outboxMessage.count({ where: { status: "failed" } })).toBe(0);
    await db.outboxMessage.deleteMany({ where: { dedupKey: { in: ["k3", "k-550", "k-451"] } } }); // out of the next tests' way
  });

  it("sends Message-IDs on the sender's domain and threads every e-mail of a ticket under its first one", async () => {
    const db = tdb.prisma();
    const t0 = new Date(Date.now() + 90 * 86_400_000);
    const body = await db.body.findFirstOrThrow({ where: { kind: "commune" } });
    const ticket = await db.ticket.create({
      data: {
        number: "SOS-2026-800001",
        bodyId: body.id,
        serviceId: (await db.service.findFirstOrThrow()).id,
        subject: "Fil",
        description: "Fil de discussion",
        category: "fault",
        impact: "low",
        urgency: "low",
        priority: "low",
        channel: "email",
        declarantName: "X",
        receivedAt: t0,
      },
    });
    const sent: Sent[] = [];
    const mailer: Mailer = { send: async (m) => void sent.push(m) };
    const about = (key: string) => ({ ...entry(key), ticketId: ticket.id });
    await db.$transaction((tx) => enqueueMail(tx, about("th-1")));
    await db.$transaction((tx) => enqueueMail(tx, about("th-2")));
    const opts = { messageIdDomain: "val-orlene.example" };
    await deliverBatch(db, mailer, "https://mutuo.test", t0, opts);
    const [first, second] = sent.slice(-2);
    expect(first!.messageId).toMatch(/^<[0-9a-f-]{36}@val-orlene\.example>$/);
    expect(first!.inReplyTo).toBeUndefined();
    expect(second).toMatchObject({ inReplyTo: first!.messageId, references: first!.messageId });
    // Stored as sent, so that replies find their ticket.
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "th-1" } })).messageId).toBe(
      first!.messageId,
    );
    // A ticket opened by e-mail: its notifications answer that e-mail.
    await db.incomingMail.create({
      data: {
        messageId: "<opening@bellerive.example>",
        fromEmail: "agent@bellerive.example",
        headers: {},
        receivedAt: t0,
        status: "ticket",
        ticketId: ticket.id,
      },
    });
    await db.$transaction((tx) => enqueueMail(tx, about("th-3")));
    await deliverBatch(db, mailer, "https://mutuo.test", new Date(t0.getTime() + 1000), opts);
    expect(sent.at(-1)).toMatchObject({
      inReplyTo: "<opening@bellerive.example>",
      references: "<opening@bellerive.example>",
    });
  });

  it("takes over the messages of a worker that died holding them, once its lease expires", async () => {
    const db = tdb.prisma();
    await db.$transaction((tx) => enqueueMail(tx, entry("k4")));
    const t0 = new Date(Date.now() + 30 * 86_400_000);
    const { claimBatch } = await import("./outbox.ts");
    expect((await claimBatch(db, t0)).map((m) => m.dedupKey)).toEqual(["k4"]); // then the worker is killed
    const sent: Sent[] = [];
    const mailer: Mailer = { send: async (m) => void sent.push(m) };
    expect(
      await deliverBatch(db, mailer, "https://mutuo.test", new Date(t0.getTime() + 60_000)),
    ).toMatchObject({ sent: 0 }); // leased
    expect(
      await deliverBatch(db, mailer, "https://mutuo.test", new Date(t0.getTime() + 121_000)),
    ).toMatchObject({ sent: 1 });
    expect(sent).toHaveLength(1);
  });

  it("forgets a single-use link once sent through a real relay, and keeps it readable in the demo mailbox", async () => {
    const db = tdb.prisma();
    const invitation = (key: string) => ({
      dedupKey: key,
      template: "identity.invitation" as const,
      to: "new@example.test",
      data: { name: "Nina", inviter: "Hélène", path: `/invitation/secret-${key}`, expiresInDays: 7 },
    });
    const t0 = new Date(Date.now() + 60 * 86_400_000);
    const sent: Sent[] = [];
    const mailer: Mailer = { send: async (m) => void sent.push(m) };
    await db.$transaction((tx) => enqueueMail(tx, invitation("s1")));
    await deliverBatch(db, mailer, "https://mutuo.test", t0, { scrubSecrets: true });
    expect(sent.at(-1)!.text).toContain("https://mutuo.test/invitation/secret-s1"); // the recipient gets it…
    const kept = await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "s1" } });
    expect(JSON.stringify(kept)).not.toContain("secret-s1"); // …the database no longer has it
    expect(kept.text).toContain("[lien à usage unique retiré après l'envoi]");

    await db.$transaction((tx) => enqueueMail(tx, invitation("s2")));
    await deliverBatch(db, mailer, "https://mutuo.test", new Date(t0.getTime() + 1000));
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "s2" } })).text).toContain(
      "https://mutuo.test/invitation/secret-s2",
    );
  });
});

describe("preferences", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
  });
  afterAll(async () => tdb.drop());

  it("skips the categories a person turned off, never the acknowledgement of their request; sends digests to those who asked", async () => {
    const db = tdb.prisma();
    const { setPreferences, getPreferences } = await import("./preferences.ts");
    const tech = await db.user.findUniqueOrThrow({ where: { email: "tech@val-orlene.example" } });
    const actor = { userId: tech.id, name: tech.name, role: tech.role, bodyIds: [], activeBodyId: null };
    expect((await getPreferences(db, actor)).categories).toMatchObject({
      sla_alerts: true,
      daily_digest: false,
    });
    await setPreferences(db, actor, {
      locale: "en",
      categories: {
        ticket_updates: true,
        assignments: true,
        sla_alerts: false,
        convention_alerts: true,
        daily_digest: true,
      },
    });
    const to = {
      to: tech.email,
      toUserId: tech.id,
      data: { number: "SOS-2026-000009", subject: "x", path: "/" },
    };
    await db.$transaction(async (tx) => {
      await enqueueMail(tx, { ...to, dedupKey: "p1", template: "ticket.sla-warning" });
      await enqueueMail(tx, { ...to, dedupKey: "p2", template: "ticket.assigned" });
      await enqueueMail(tx, { ...to, dedupKey: "p3", template: "ticket.received" });
    });
    expect(
      (await db.outboxMessage.findMany({ where: { dedupKey: { in: ["p1", "p2", "p3"] } } }))
        .map((m) => m.dedupKey)
        .sort(),
    ).toEqual(["p2", "p3"]);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "p2" } })).locale).toBe("fr"); // the locale is the caller's to pass

    const bellerive = await db.body.findFirstOrThrow({
      where: { legalName: "Commune de Bellerive-sur-Orlène" },
    });
    const service = await db.service.findFirstOrThrow();
    await db.ticket.create({
      data: {
        number: "SOS-2026-900001",
        bodyId: bellerive.id,
        serviceId: service.id,
        subject: "Ouvert",
        description: "Ouvert",
        category: "fault",
        impact: "low",
        urgency: "low",
        priority: "low",
        channel: "phone",
        declarantName: "X",
        receivedAt: new Date(),
        assigneeId: tech.id,
        status: "assigned",
      },
    });
    const { sendDigests } = await import("../tickets/digest.ts");
    expect(await sendDigests(db, new Date())).toBeGreaterThanOrEqual(1);
    await sendDigests(db, new Date());
    const digests = await db.outboxMessage.findMany({ where: { template: "ticket.digest" } });
    expect(digests.map((d) => d.toEmail)).toEqual([tech.email]);
    expect(render(digests[0]!, "https://mutuo.test").text).toContain("SOS-2026-900001 Ouvert");
  });
});
