// « Tester la configuration »: the admin's request goes to the worker as a job; its outcome (the test
// e-mail, the mailbox read once) is what the page shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { actorByEmail } from "../identity/index.ts";
import { runJob, type JobContext } from "../jobs.ts";
import { mailTestJob } from "./jobs/mail-test.ts";
import { lastMailTest, MAIL_TEST_JOB, outboxHealth, requestMailTest } from "./mail-test.ts";

const silent = { info: () => {}, error: () => {} };

describe("mail configuration test", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
  });
  afterAll(async () => tdb.drop());

  it("queues a job for the worker, which sends a test e-mail, reads the mailbox and reports both", async () => {
    const db = tdb.prisma();
    const admin = (await actorByEmail(db, "admin@val-orlene.example"))!;
    const tech = (await actorByEmail(db, "tech@val-orlene.example"))!;
    const queued: { name: string; data: unknown }[] = [];
    const send = async (name: string, data: unknown) => void queued.push({ name, data });
    await expect(requestMailTest(db, tech, send)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lastMailTest(db, tech)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await lastMailTest(db, admin)).toBeNull();

    const asked = await requestMailTest(db, admin, send, new Date("2026-12-02T08:00:00Z"));
    expect(queued).toEqual([
      { name: MAIL_TEST_JOB, data: expect.objectContaining({ to: "admin@val-orlene.example" }) },
    ]);
    expect(await lastMailTest(db, admin)).toMatchObject({ state: "pending", requestId: asked.requestId });

    const sent: string[] = [];
    const ctx = (over: Partial<JobContext>): JobContext => ({
      db,
      log: silent,
      now: () => new Date("2026-12-02T08:00:01Z"),
      mailer: { send: async (m) => void sent.push(m.subject) },
      ...over,
    });
    await runJob(
      mailTestJob,
      queued[0]!.data,
      ctx({ mailSetup: { smtp: true, readMailbox: async () => ({ processed: 2, failed: 0 }) } }),
    );
    expect(sent).toEqual(["Mutuo : test de la configuration du courriel"]);
    expect(await lastMailTest(db, admin)).toMatchObject({
      state: "done",
      requestedAt: "2026-12-02T08:00:00.000Z",
      send: { ok: true, via: "smtp" },
      read: { ok: true, configured: true, processed: 2, failed: 0 },
    });

    // A relay that refuses, no mailbox configured: both said.
    await requestMailTest(db, admin, send);
    const tls = Object.assign(new Error("self-signed certificate"), { code: "ESOCKET" });
    await runJob(
      mailTestJob,
      queued[1]!.data,
      ctx({
        mailer: {
          send: async () => {
            throw tls;
          },
        },
        mailSetup: { smtp: true },
      }),
    );
    const failed = await lastMailTest(db, admin);
    expect(failed).toMatchObject({ send: { ok: false }, read: { ok: false, configured: false } });
    expect(failed!.send!.error).toMatch(/ESOCKET self-signed certificate.*SMTP_TLS_CA_FILE/);
    // A late run of an older request does not overwrite the newer outcome.
    await runJob(mailTestJob, queued[0]!.data, ctx({ mailSetup: { smtp: true } }));
    expect((await lastMailTest(db, admin))!.requestId).toBe(
      (queued[1]!.data as { requestId: string }).requestId,
    );
  });

  it("tells staff what outgoing mail waits or failed, and why", async () => {
    const db = tdb.prisma();
    const tech = (await actorByEmail(db, "tech@val-orlene.example"))!;
    const agent = (await actorByEmail(db, "agent@bellerive.example"))!;
    await db.outboxMessage.create({
      data: {
        dedupKey: "health-1",
        template: "ticket.received",
        data: {},
        toEmail: "agent@bellerive.example",
        messageId: "<health-1@mutuo>",
        attempts: 2,
        lastError: "ESOCKET self-signed certificate",
      },
    });
    expect(await outboxHealth(db, tech)).toMatchObject({
      pending: expect.any(Number),
      failed: 0,
      lastError: { lastError: "ESOCKET self-signed certificate", toEmail: "agent@bellerive.example" },
    });
    await expect(outboxHealth(db, agent)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
