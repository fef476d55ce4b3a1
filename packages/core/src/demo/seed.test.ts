import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { localFileStore, type FileStore } from "../files/index.ts";
import { computeSla, createTicket, STATUSES } from "../tickets/index.ts";
import { HISTORY_DAYS } from "./history.ts";
import { seedDemoHistory } from "./seed.ts";
import { pdfText } from "../documents/index.ts";
import { listRuns, readRunFile } from "../reports/index.ts";
import { actorByEmail } from "../identity/index.ts";

const NOW = new Date("2026-12-02T09:30:00.000Z");

describe("demo history", () => {
  let tdb: TestDatabase;
  let files: FileStore;
  let dir: string;
  let ms = 0;
  let reportsMs = 0;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma(), NOW);
    dir = await mkdtemp(path.join(os.tmpdir(), "mutuo-demo-"));
    files = localFileStore(dir);
    const result = await seedDemoHistory(tdb.prisma(), files, { baseUrl: "http://mutuo.test", now: NOW });
    expect(result.seeded).toBe(true);
    ms = result.ms;
    reportsMs = result.reportsMs ?? 0;
  }, 120_000);
  afterAll(async () => {
    await tdb.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("seeds about 2 000 tickets over 18 months, quickly", async () => {
    const db = tdb.prisma();
    const count = await db.ticket.count();
    expect(count).toBeGreaterThan(1800);
    expect(count).toBeLessThan(2300);
    // About 10 s on a loaded 2-core machine; per-row inserts would take minutes. The bound leaves
    // room for CI machines shared with other runs.
    expect(ms).toBeLessThan(60_000);
    const range = await db.ticket.aggregate({ _min: { receivedAt: true }, _max: { receivedAt: true } });
    const days = (NOW.getTime() - range._min.receivedAt!.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(HISTORY_DAYS - 5);
    expect(days).toBeLessThanOrEqual(HISTORY_DAYS + 1);
    expect(range._max.receivedAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(NOW.getTime() - range._max.receivedAt!.getTime()).toBeLessThan(3 * 86_400_000);
  });

  it("covers every body, service, channel, priority and status", async () => {
    const db = tdb.prisma();
    const partners = await db.body.count({ where: { kind: { not: "provider" } } });
    const services = await db.service.count();
    const distinct = async (by: "bodyId" | "serviceId" | "channel" | "priority" | "status" | "slaState") =>
      (await db.ticket.groupBy({ by: [by], _count: true })).map((g) => [g[by], g._count] as const);
    expect(await distinct("bodyId")).toHaveLength(partners);
    expect(await distinct("serviceId")).toHaveLength(services);
    expect((await distinct("channel")).map(([k]) => k).sort()).toEqual([
      "email",
      "letter",
      "phone",
      "portal",
    ]);
    expect((await distinct("priority")).map(([k]) => k).sort()).toEqual([
      "critical",
      "high",
      "low",
      "medium",
    ]);
    const statuses = new Map(await distinct("status"));
    expect([...statuses.keys()].sort()).toEqual([...STATUSES].sort());
    // Most of the history is closed; the queue still has work in it.
    expect(statuses.get("closed")!).toBeGreaterThan(1500);
    const open = ["new", "assigned", "in_progress", "waiting_partner"].reduce(
      (s, k) => s + (statuses.get(k) ?? 0),
      0,
    );
    expect(open).toBeGreaterThanOrEqual(30);
    const sla = new Map(await distinct("slaState"));
    expect(sla.get("breached")).toBeGreaterThan(50);
    expect(sla.get("met")).toBeGreaterThan(1000);
  });

  it("has conversations, notes, pauses, ratings, merges, links, attachments, e-mails and audit", async () => {
    const db = tdb.prisma();
    const kinds = new Map(
      (await db.ticketMessage.groupBy({ by: ["kind"], _count: true })).map((g) => [g.kind, g._count]),
    );
    expect(kinds.get("reply")).toBeGreaterThan(4000);
    expect(kinds.get("note")).toBeGreaterThan(200);
    expect(await db.ticketMessage.count({ where: { kind: "reply", fromStaff: false } })).toBeGreaterThan(300);
    expect(await db.ticketPause.count()).toBeGreaterThan(300);
    expect(await db.ticketPause.count({ where: { endedAt: null } })).toBeGreaterThan(0);
    expect(await db.ticket.count({ where: { csatScore: { not: null } } })).toBeGreaterThan(400);
    expect(
      await db.ticket.count({ where: { mergedIntoId: { not: null }, status: "cancelled" } }),
    ).toBeGreaterThan(5);
    expect(await db.ticketLink.count()).toBeGreaterThan(5);
    const attachments = await db.ticketAttachment.findMany({ include: { file: true } });
    expect(attachments.length).toBeGreaterThan(50);
    const png = attachments.find((a) => a.file.mimeType === "image/png")!;
    const bytes = await files.get(png.file.storageKey);
    expect(Buffer.from(bytes.subarray(1, 4)).toString()).toBe("PNG");
    expect(bytes.byteLength).toBe(png.file.size);
    expect((await readdir(dir)).length).toBeGreaterThan(0);
    expect(
      await db.outboxMessage.count({ where: { status: "sent", subject: { not: null } } }),
    ).toBeGreaterThan(3000);
    expect(await db.outboxMessage.count({ where: { status: "failed" } })).toBeGreaterThan(0);
    expect(await db.outboxMessage.count({ where: { status: "pending" } })).toBe(0);
    expect(await db.incomingMail.count({ where: { status: "ticket" } })).toBeGreaterThan(200);
    expect(await db.auditEvent.count({ where: { entityType: "Ticket", action: "create" } })).toBe(
      await db.ticket.count(),
    );
  });

  it("fills the quarantine and the journal's changes of bodies and people, ending on today's values", async () => {
    const db = tdb.prisma();
    const quarantined = await db.incomingMail.findMany({ where: { status: "quarantined" } });
    expect(quarantined.length).toBeGreaterThanOrEqual(5);
    expect(new Set(quarantined.map((m) => m.reason))).toEqual(
      new Set(["unknown_sender", "several_bodies", "ticket_closed", "spoofed_dmarc", "unauthenticated"]),
    );
    expect(quarantined.every((m) => m.receivedAt < NOW && m.fromEmail.endsWith(".example"))).toBe(true);
    expect(await db.incomingMail.count({ where: { status: "rejected", decidedById: { not: null } } })).toBe(
      12,
    );

    const bodyChanges = await db.auditEvent.findMany({ where: { entityType: "Body", action: "update" } });
    expect(bodyChanges.length).toBeGreaterThan(10);
    const months = new Set(bodyChanges.map((e) => e.at.toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThan(6);
    // The last change of each field is the body's value today.
    const bodies = new Map((await db.body.findMany()).map((b) => [b.id, b as Record<string, unknown>]));
    const last = new Map<string, unknown>();
    for (const e of bodyChanges.sort((a, b) => a.at.getTime() - b.at.getTime()))
      for (const [field, [, after]] of Object.entries(e.changes as Record<string, [unknown, unknown]>))
        last.set(`${e.entityId}.${field}`, after);
    for (const [key, after] of last) {
      const [id, field] = key.split(".");
      expect(bodies.get(id!)![field!]).toEqual(after);
    }
    expect(await db.auditEvent.count({ where: { entityType: "User", action: "create" } })).toBeGreaterThan(
      10,
    );
    expect(await db.auditEvent.count({ where: { entityType: "User", action: "update" } })).toBeGreaterThan(2);
    expect(
      await db.auditEvent.count({
        where: { at: { gt: NOW }, entityType: { in: ["Body", "User", "Membership"] } },
      }),
    ).toBe(0);
  });

  it("stores the SLA the engine computes (a sample recomputed)", async () => {
    const db = tdb.prisma();
    const sample = await db.ticket.findMany({
      where: { termsSource: { not: "none" } },
      include: { pauses: true },
      orderBy: { number: "asc" },
    });
    let checked = 0;
    for (const t of sample.filter((_, i) => i % 17 === 0)) {
      const pauses = t.pauses
        .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
        .map((p) => ({ from: p.startedAt, to: p.endedAt }));
      const sla = computeSla(t, pauses, NOW);
      expect({ number: t.number, ...sla }).toEqual({
        number: t.number,
        interventionDueAt: t.interventionDueAt,
        interventionWarnAt: t.interventionWarnAt,
        interventionState: t.interventionState,
        resolutionDueAt: t.resolutionDueAt,
        resolutionWarnAt: t.resolutionWarnAt,
        resolutionState: t.resolutionState,
        slaDueAt: t.slaDueAt,
        slaState: t.slaState,
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    // Terms follow the conventions: Saint-Aubin's amended version binds its tickets after 1 July 2025.
    const amended = await db.conventionVersion.findFirstOrThrow({ where: { number: 2 } });
    expect(await db.ticket.count({ where: { conventionVersionId: amended.id } })).toBeGreaterThan(10);
  });

  it("keeps every ticket's people and mail within its body", async () => {
    const db = tdb.prisma();
    const foreign = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "TicketMessage" m
      JOIN "Ticket" t ON t."id" = m."ticketId"
      JOIN "User" u ON u."id" = m."authorId"
      WHERE u."role" = 'agent'
        AND NOT EXISTS (SELECT 1 FROM "Membership" ms WHERE ms."userId" = u."id" AND ms."bodyId" = t."bodyId")`;
    expect(foreign[0]!.n).toBe(0);
    const foreignMail = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "OutboxMessage" o
      JOIN "Ticket" t ON t."id" = o."ticketId"
      JOIN "User" u ON u."id" = o."toUserId"
      WHERE u."role" = 'agent'
        AND NOT EXISTS (SELECT 1 FROM "Membership" ms WHERE ms."userId" = u."id" AND ms."bodyId" = t."bodyId")`;
    expect(foreignMail[0]!.n).toBe(0);
    const merged = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Ticket" d JOIN "Ticket" m ON m."id" = d."mergedIntoId"
      WHERE m."bodyId" <> d."bodyId"`;
    expect(merged[0]!.n).toBe(0);
  });

  it("continues ticket numbers after the history, and seeds only once", async () => {
    const db = tdb.prisma();
    const before = await db.ticket.count();
    const again = await seedDemoHistory(db, files, { baseUrl: "http://mutuo.test", now: NOW });
    expect(again.seeded).toBe(false);
    expect(await db.ticket.count()).toBe(before);

    const agent = await db.user.findUniqueOrThrow({
      where: { email: "agent@bellerive.example" },
      include: { memberships: true },
    });
    const last = await db.ticket.findFirstOrThrow({
      where: { number: { startsWith: "SOS-2026-" } },
      orderBy: { number: "desc" },
    });
    const service = await db.service.findUniqueOrThrow({ where: { code: "SIGMA" } });
    const created = await createTicket(
      db,
      files,
      {
        userId: agent.id,
        name: agent.name,
        role: "agent",
        bodyIds: [agent.memberships[0]!.bodyId],
        activeBodyId: null,
      },
      {
        bodyId: agent.memberships[0]!.bodyId,
        serviceId: service.id,
        subject: "Nouvelle demande après l'historique",
        description: "Vérifie la numérotation.",
        category: "question",
        impact: "low",
        urgency: "low",
        declarantName: agent.name,
      },
      NOW,
    );
    expect(Number(created.number.slice(-6))).toBe(Number(last.number.slice(-6)) + 1);
  });
  it("brings trainings: held sessions with attendance and ratings, a full one with a waitlist, a cancelled and a dedicated one", async () => {
    const db = tdb.prisma();
    expect(await db.trainingCourse.count()).toBe(8);
    const byStatus = await db.trainingSession.groupBy({ by: ["status"], _count: { _all: true } });
    const count = (s: string) => byStatus.find((x) => x.status === s)?._count._all ?? 0;
    expect(count("held")).toBe(3);
    expect(count("full")).toBe(1);
    expect(count("cancelled")).toBe(1);
    // Two from the training demo, one (two days, Saint-Aubin) from the billing demo.
    expect(await db.trainingSession.count({ where: { dedicatedBodyId: { not: null } } })).toBe(3);
    expect(await db.trainingRegistration.count({ where: { status: "waitlisted" } })).toBe(2);
    expect(await db.trainingAttendance.count({ where: { status: "present" } })).toBeGreaterThan(20);
    expect(await db.trainingSurveyAnswer.count()).toBeGreaterThan(5);
    // Each session has its history: opened, registrations, sheets signed or cancellation.
    const kinds = await db.trainingEvent.groupBy({ by: ["kind"], _count: { _all: true } });
    expect(kinds.map((k) => k.kind).sort()).toEqual(
      ["cancelled", "opened", "registered", "sheet_signed", "waitlisted"].sort(),
    );
    expect(await db.trainingEvent.count({ where: { kind: "opened" } })).toBe(
      await db.trainingSession.count(),
    );
  });

  it("has the scheduled reports of the last three months, sent as real PDFs", async () => {
    const db = tdb.prisma();
    console.info(`demo sent reports built in ${reportsMs} ms`);
    // Bellerive's and the all-partners' monthly reports (3 each), last quarter's training.
    const runs = await db.reportRun.findMany({
      include: { subscription: { select: { builtin: true, frequency: true } } },
      orderBy: { createdAt: "asc" },
    });
    expect(runs).toHaveLength(7);
    expect(new Set(runs.filter((r) => r.bodyId === null).map((r) => r.periodKey))).toEqual(
      new Set(["2026-09", "2026-10", "2026-11", "2026-Q3"]),
    );
    expect(runs.every((r) => r.createdAt < NOW && r.recipients.length > 0)).toBe(true);
    // Sent to the body's agents only, and nothing due again before the next period.
    const bellerive = runs.find((r) => r.recipients.includes("agent@bellerive.example"))!;
    expect(bellerive.recipients.every((e) => e.endsWith("@bellerive.example"))).toBe(true);
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    expect((await listRuns(db, manager, {})).items[0]).toMatchObject({ periodKey: "2026-11" });
    const agent = (await actorByEmail(db, "agent@bellerive.example"))!;
    const own = await listRuns(db, agent, {});
    expect(own.items.map((r) => r.periodKey)).toEqual(["2026-11", "2026-10", "2026-09"]);
    const file = await readRunFile(db, null, agent, own.items[0]!.id);
    const text = pdfText(Buffer.from(file.bytes));
    expect(text).toContain("Rapport SLA");
    expect(text).toContain("novembre 2026");
    expect(text).toContain("Commune de Bellerive");
    // About 2 s on a quiet machine (the rollup, 1 s, the worker would build at start anyway; a PDF
    // about 0.15 s); the bound leaves room for the shared 2 cores under load.
    expect(reportsMs).toBeLessThan(30_000);
  });
});
