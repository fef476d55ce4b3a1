// The retention run on a real PostgreSQL: which declarants it anonymises, that a second run changes
// nothing, that two runs at once neither anonymise twice nor fail, and a person's anonymisation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@mutuo/db/testing";
import type { Actor } from "../access/index.ts";
import type { FileStore } from "../files/index.ts";
import { createTestWorld, type TestWorld } from "../shared/test-world.ts";
import { anonymisePerson } from "../identity/index.ts";
import { createTicket } from "../tickets/index.ts";
import { previewRetention } from "./queries.ts";
import { ANONYMISED_DECLARANT, monthsBefore } from "./rules.ts";
import { anonymiseExpiredDeclarants, updateRetentionSettings } from "./service.ts";

const NOW = new Date("2026-12-02T02:40:00Z");

describe("declarant retention", () => {
  let tdb: TestDatabase;
  let files: FileStore;
  let world: TestWorld;
  const actors: Record<string, Actor> = {};
  const ids: Record<string, string> = {};

  /** A phone ticket of Bellerive, closed (or cancelled) `monthsAgo` months before NOW. */
  const ended = async (
    declarantEmail: string,
    monthsAgo: number,
    status: "closed" | "cancelled" = "closed",
    extraDays = 0,
  ) => {
    const db = tdb.prisma();
    const endedAt = new Date(monthsBefore(NOW, monthsAgo).getTime() - extraDays * 86_400_000);
    const t = await createTicket(
      db,
      files,
      actors.tech!,
      {
        bodyId: ids.bellerive!,
        serviceId: ids.gis!,
        subject: "Imprimante du CCAS hors service",
        description: "L'imprimante de l'accueil ne répond plus depuis ce matin.",
        category: "fault",
        impact: "medium",
        urgency: "medium",
        declarantName: `Déclarant ${declarantEmail}`,
        declarantPhone: "02 38 11 22 33",
        declarantEmail,
        channel: "phone",
        receivedAt: new Date(endedAt.getTime() - 86_400_000),
      },
      new Date(endedAt.getTime() - 86_400_000),
    );
    // Cancelled tickets end at their last update (they have no closing instant).
    await db.$executeRaw`UPDATE "Ticket" SET "status" = ${status}::"TicketStatus",
      "closedAt" = ${status === "closed" ? endedAt : null}, "updatedAt" = ${endedAt} WHERE "id" = ${t.id}::uuid`;
    return t;
  };

  const mailFrom = (ticketId: string | null, fromEmail: string, n: string) =>
    tdb.prisma().incomingMail.create({
      data: {
        messageId: `<${n}@test.example>`,
        fromEmail,
        fromName: "Odile Ferrand",
        subject: "Re: imprimante",
        text: "Toujours en panne.",
        headers: {
          from: `Odile Ferrand <${fromEmail}>`,
          subject: "Re: imprimante",
          to: "support@val-orlene.example",
        },
        receivedAt: NOW,
        status: ticketId ? "reply" : "quarantined",
        ticketId,
      },
    });

  beforeAll(async () => {
    world = await createTestWorld("retention", {
      admin: "admin@val-orlene.example",
      tech: "tech@val-orlene.example",
      bellerive: "agent@bellerive.example",
    });
    ({ tdb, files } = world);
    Object.assign(actors, world.actors);
    Object.assign(ids, world.ids);
  });
  afterAll(() => world.close());

  it("anonymises the declarant of a ticket closed 37 months ago, not one closed 35 months ago; a second run changes nothing", async () => {
    const db = tdb.prisma();
    const old = await ended("odile.ferrand@bellerive-asso.example", 37);
    const recent = await ended("paul.renard@bellerive-asso.example", 35);
    const cancelled = await ended("lea.morin@bellerive-asso.example", 36, "cancelled", 1);
    const own = await mailFrom(old.id, "odile.ferrand@bellerive-asso.example", "own");
    const other = await mailFrom(old.id, "agent@bellerive.example", "other");
    await db.ticketMessage.create({
      data: {
        ticketId: old.id,
        kind: "reply",
        authorLabel: "Odile Ferrand <odile.ferrand@bellerive-asso.example>",
        body: "Merci",
      },
    });

    await db.outboxMessage.updateMany({ where: { ticketId: old.id }, data: { status: "sent", sentAt: NOW } });
    // The page lists what the next run will do before it runs.
    const preview = await previewRetention(
      db,
      actors.admin!,
      { limit: 100 },
      new Date(NOW.getTime() - 3600_000),
    );
    const listed = preview.items.map((i) => i.number);
    expect(listed).toContain(old.number);
    expect(listed).toContain(cancelled.number);
    expect(listed).not.toContain(recent.number);
    expect(preview.items.find((i) => i.number === old.number)).toMatchObject({
      hasEmail: true,
      hasPhone: true,
      incoming: 1,
    });
    expect(preview.runAt.toISOString()).toBe(NOW.toISOString());

    const first = await anonymiseExpiredDeclarants(db, { now: NOW });
    expect(first.tickets).toBe(preview.counts.tickets);
    expect(first.incoming).toBe(preview.counts.incoming);

    const after = await db.ticket.findUniqueOrThrow({ where: { id: old.id } });
    expect(after).toMatchObject({
      declarantName: ANONYMISED_DECLARANT,
      declarantPhone: null,
      declarantEmail: null,
      declarantAnonymisedAt: NOW,
      subject: old.subject,
      description: old.description,
    });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: cancelled.id } })).toMatchObject({
      declarantName: ANONYMISED_DECLARANT,
      declarantEmail: null,
    });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: recent.id } })).toMatchObject({
      declarantName: "Déclarant paul.renard@bellerive-asso.example",
      declarantEmail: "paul.renard@bellerive-asso.example",
      declarantPhone: "02 38 11 22 33",
      declarantAnonymisedAt: null,
    });
    const ownAfter = await db.incomingMail.findUniqueOrThrow({ where: { id: own.id } });
    expect(ownAfter).toMatchObject({ fromEmail: "", fromName: "" });
    expect(JSON.stringify(ownAfter.headers)).not.toContain("odile");
    expect(ownAfter.headers).toMatchObject({ subject: "Re: imprimante" });
    expect(await db.incomingMail.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      fromEmail: "agent@bellerive.example",
    });
    const sent = await db.outboxMessage.findMany({
      where: { ticketId: old.id },
      select: { toEmail: true, data: true },
    });
    expect(sent.length).toBeGreaterThan(0);
    expect(JSON.stringify(sent)).not.toMatch(/odile/i);
    const labels = await db.ticketMessage.findMany({
      where: { ticketId: old.id },
      select: { authorLabel: true },
    });
    expect(JSON.stringify(labels)).not.toMatch(/odile/i);
    // The audit trail: the creation no longer names the declarant; the anonymisation is recorded.
    const audit = await db.auditEvent.findMany({ where: { entityType: "Ticket", entityId: old.id } });
    expect(JSON.stringify(audit.map((a) => [a.actorLabel, a.changes]))).not.toMatch(/odile/i);
    expect(audit.filter((a) => a.action === "anonymise")).toHaveLength(1);
    expect(audit.find((a) => a.action === "create")?.changes).toHaveProperty("subject");

    const second = await anonymiseExpiredDeclarants(db, { now: NOW });
    expect(second).toMatchObject({ tickets: 0, incoming: 0, more: false });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: old.id } })).declarantAnonymisedAt).toEqual(NOW);
    expect(await db.auditEvent.count({ where: { entityId: old.id, action: "anonymise" } })).toBe(1);
  });

  it("two runs at once anonymise each ticket exactly once, in limited batches", async () => {
    const db = tdb.prisma();
    const made = [];
    for (let i = 0; i < 24; i++) made.push(await ended(`batch${i}@bellerive-asso.example`, 40));
    const runs = await Promise.all([
      anonymiseExpiredDeclarants(db, { now: NOW, batchSize: 5 }),
      anonymiseExpiredDeclarants(db, { now: NOW, batchSize: 5 }),
    ]);
    expect(runs[0].tickets + runs[1].tickets).toBe(24);
    const madeIds = made.map((t) => t.id);
    expect(await db.ticket.count({ where: { id: { in: madeIds }, declarantAnonymisedAt: NOW } })).toBe(24);
    expect(await db.auditEvent.count({ where: { entityId: { in: madeIds }, action: "anonymise" } })).toBe(24);

    // The per-run limit leaves the rest for the next night, and says so.
    for (let i = 0; i < 3; i++) await ended(`limit${i}@bellerive-asso.example`, 40);
    const limited = await anonymiseExpiredDeclarants(db, { now: NOW, batchSize: 2, maxTickets: 2 });
    expect(limited).toMatchObject({ tickets: 2, more: true });
    expect(await anonymiseExpiredDeclarants(db, { now: NOW })).toMatchObject({ tickets: 1, more: false });
  });

  it("follows the administrator's setting; the preview pages by keyset and counts; agents are refused", async () => {
    const db = tdb.prisma();
    const a = await ended("nina.roche@bellerive-asso.example", 13);
    const b = await ended("yves.caron@bellerive-asso.example", 14);
    const c = await ended("ines.faure@bellerive-asso.example", 11);
    await expect(previewRetention(db, actors.bellerive!, {}, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(updateRetentionSettings(db, actors.admin!, { declarantMonths: 0 })).rejects.toThrow();
    await updateRetentionSettings(db, actors.admin!, { declarantMonths: 12 });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    const totals = new Set<number>();
    do {
      const page = await previewRetention(db, actors.admin!, { limit: 1, cursor }, NOW);
      expect(page.settings).toMatchObject({ declarantMonths: 12, chosen: true });
      totals.add(page.counts.tickets);
      seen.push(...page.items.map((i) => i.number));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 50);
    expect(totals.size).toBe(1);
    const [total] = [...totals];
    expect(seen).toHaveLength(total!);
    expect(new Set(seen).size).toBe(total);
    expect(seen.indexOf(b.number)).toBeLessThan(seen.indexOf(a.number)); // oldest first
    expect(seen).not.toContain(c.number);
    // A search by number (or name) narrows the list, not the counts; wildcards are taken literally.
    const found = await previewRetention(db, actors.admin!, { q: a.number }, NOW);
    expect(found.items.map((i) => i.number)).toEqual([a.number]);
    expect(found.counts.tickets).toBe(total);
    expect((await previewRetention(db, actors.admin!, { q: "%" }, NOW)).items).toEqual([]);
    const audit = await db.auditEvent.findFirst({ where: { entityType: "Setting", entityId: "retention" } });
    expect(audit?.changes).toEqual({ declarantMonths: [36, 12] });

    const run = await anonymiseExpiredDeclarants(db, { now: NOW });
    expect(run).toMatchObject({ tickets: total, months: 12 });
    await updateRetentionSettings(db, actors.admin!, { declarantMonths: 36 });
  });

  it("anonymising a person also clears their declarant fields in tickets and their address in incoming mail", async () => {
    const db = tdb.prisma();
    const person = await db.user.create({
      data: { email: "sylvie.garnier@bellerive.example", name: "Sylvie Garnier", role: "agent" },
    });
    const open = await createTicket(
      db,
      files,
      actors.tech!,
      {
        bodyId: ids.bellerive!,
        serviceId: ids.gis!,
        subject: "Accès au SIG refusé",
        description: "Le compte de Sylvie ne s'ouvre plus sur le SIG.",
        category: "request",
        impact: "low",
        urgency: "low",
        declarantName: "Sylvie Garnier",
        declarantPhone: "02 38 44 55 66",
        declarantEmail: "Sylvie.Garnier@bellerive.example",
        channel: "email",
        receivedAt: NOW,
      },
      NOW,
    );
    const quarantined = await mailFrom(null, "sylvie.garnier@bellerive.example", "sylvie");
    await anonymisePerson(db, actors.admin!, person.id, NOW);
    expect(await db.ticket.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({
      declarantName: ANONYMISED_DECLARANT,
      declarantPhone: null,
      declarantEmail: null,
      declarantAnonymisedAt: NOW,
    });
    expect(await db.incomingMail.findUniqueOrThrow({ where: { id: quarantined.id } })).toMatchObject({
      fromEmail: "",
      fromName: "",
    });
  });
});
