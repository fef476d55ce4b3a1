import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@mutuo/db/testing";
import { activateConvention, createConvention, setVersionTerms } from "../conventions/index.ts";
import type { FileStore } from "../files/index.ts";
import { createTestWorld, type TestWorld } from "../shared/test-world.ts";
import type { Actor } from "../access/index.ts";
import { PRIORITIES } from "../terms/index.ts";
import { addMessage, rateTicket } from "./conversation.ts";
import { createTicket } from "./create.ts";
import { mergeTicket } from "./links.ts";
import { autoCloseResolved, refreshSlaStates } from "./maintenance.ts";
import { getTicket, listTickets, queueCounts } from "./queries.ts";
import { searchTickets } from "./search.ts";
import { assignTicket, changePriority, changeService, changeStatus, setDeadline } from "./workflow.ts";

const H = 3600_000;
const at = (iso: string) => new Date(iso);

describe("tickets", () => {
  let tdb: TestDatabase;
  let files: FileStore;
  let world: TestWorld;
  const actors: Record<string, Actor> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    world = await createTestWorld("tickets", {
      manager: "manager@val-orlene.example",
      tech: "tech@val-orlene.example",
      bellerive: "agent@bellerive.example",
      saintAubin: "agent@saint-aubin.example",
    });
    ({ tdb, files } = world);
    Object.assign(actors, world.actors);
    Object.assign(ids, world.ids);
    ids.dsi = (
      await world.db.businessCalendar.findFirstOrThrow({ where: { name: "Horaires de la DSI" } })
    ).id;
  });
  afterAll(() => world.close());

  const report = (a: Actor, now: Date, extra: Record<string, unknown> = {}) =>
    createTicket(
      tdb.prisma(),
      files,
      a,
      {
        bodyId: ids.bellerive!,
        serviceId: ids.gis!,
        subject: "Le SIG ne s'affiche plus",
        description: "Depuis ce soir, la carte des réseaux reste blanche.",
        category: "fault",
        impact: "high",
        urgency: "medium",
        declarantName: "Marc Delorme",
        declarantPhone: "02 38 00 00 00",
        ...extra,
      },
      now,
    );

  it("reports a fault on Friday 18:30 with a 12-business-hour target; a day waiting on the partner moves the deadline by the paused working time", async () => {
    const db = tdb.prisma();
    // The seeded Bellerive convention covers SIGMA with 12 business hours (high priority) on the DSI calendar.
    const friday = at("2026-11-20T17:30:00Z");
    const t = await report(actors.bellerive!, friday);
    expect(t.number).toMatch(/^SOS-2026-\d{6}$/);
    expect(t).toMatchObject({
      priority: "high",
      channel: "portal",
      termsSource: "convention",
      interventionMinutes: 720,
      interventionBasis: "business",
      slaState: "ok",
    });
    expect(t.interventionDueAt!.toISOString()).toBe("2026-11-24T13:30:00.000Z"); // Tuesday 14:30 Paris, weekend skipped

    await assignTicket(
      db,
      actors.tech!,
      { ticketId: t.id, assigneeId: actors.tech!.userId },
      at("2026-11-23T08:00:00Z"),
    );
    const waiting = await changeStatus(
      db,
      actors.tech!,
      { ticketId: t.id, status: "waiting_partner" },
      at("2026-11-23T08:30:00Z"),
    );
    expect(waiting).toMatchObject({ slaState: "paused", interventionDueAt: null });
    // The partner answers a day later: the pause covered 7.5 working hours (Monday 09:30 → Tuesday 09:30).
    const back = await addMessage(
      db,
      files,
      actors.bellerive!,
      { ticketId: t.id, kind: "reply", body: "Voici la capture." },
      at("2026-11-24T08:30:00Z"),
    );
    expect(back.ticket.status).toBe("in_progress");
    expect(back.ticket.interventionDueAt!.toISOString()).toBe("2026-11-25T13:30:00.000Z"); // exactly 7.5 working hours later
    // The technician's first public reply is the intervention, in time.
    expect(back.ticket.interventionAt).toBeNull();
    const replied = await addMessage(
      db,
      files,
      actors.tech!,
      { ticketId: t.id, kind: "reply", body: "Merci, nous regardons." },
      at("2026-11-24T09:00:00Z"),
    );
    expect(replied.ticket).toMatchObject({
      interventionState: "met",
      interventionAt: at("2026-11-24T09:00:00Z"),
    });

    // Priority change: targets from the same convention terms, pauses kept.
    const lower = await changePriority(
      db,
      actors.tech!,
      { ticketId: t.id, impact: "medium", urgency: "medium" },
      at("2026-11-24T09:00:00Z"),
    );
    expect(lower).toMatchObject({ priority: "medium", resolutionMinutes: 40 * 60 });
    const pausedMs = 7.5 * H;
    // 40 business hours + 7.5 paused from Friday evening.
    expect(lower.resolutionDueAt!.getTime()).toBeGreaterThan(at("2026-11-24T09:00:00Z").getTime() + pausedMs);

    // A deadline set by hand is never moved by a recompute.
    const manual = at("2026-12-04T16:00:00Z");
    await setDeadline(
      db,
      actors.manager!,
      { ticketId: t.id, target: "resolution", dueAt: manual, reason: "Accord avec la mairie" },
      at("2026-11-24T09:05:00Z"),
    );
    const again = await changePriority(
      db,
      actors.tech!,
      { ticketId: t.id, impact: "high", urgency: "high" },
      at("2026-11-24T09:10:00Z"),
    );
    expect(again.resolutionDueAt!.toISOString()).toBe(manual.toISOString());
    await expect(
      setDeadline(db, actors.tech!, { ticketId: t.id, target: "resolution", dueAt: null, reason: "non" }),
    ).rejects.toMatchObject({ field: "dueAt" });

    // Resolved, then reopened: the time in between is not a pause.
    await changeStatus(db, actors.tech!, { ticketId: t.id, status: "resolved" }, at("2026-11-24T10:00:00Z"));
    const reopened = await changeStatus(
      db,
      actors.bellerive!,
      { ticketId: t.id, status: "in_progress" },
      at("2026-11-26T10:00:00Z"),
    );
    expect(reopened.resolvedAt).toBeNull();
    expect(await db.ticketPause.count({ where: { ticketId: t.id } })).toBe(1);

    // A partner's reply to a resolved ticket reopens it and tells the assignee; a staff reply does not.
    await changeStatus(db, actors.tech!, { ticketId: t.id, status: "resolved" }, at("2026-11-26T11:00:00Z"));
    await addMessage(
      db,
      files,
      actors.tech!,
      { ticketId: t.id, kind: "reply", body: "Pensez à redémarrer le poste." },
      at("2026-11-26T11:05:00Z"),
    );
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("resolved");
    const { ticket: reopenedByReply } = await addMessage(
      db,
      files,
      actors.bellerive!,
      { ticketId: t.id, kind: "reply", body: "Le problème est revenu ce matin." },
      at("2026-11-27T08:00:00Z"),
    );
    expect(reopenedByReply).toMatchObject({ status: "in_progress", resolvedAt: null });
    const events = await db.ticketMessage.findMany({
      where: { ticketId: t.id, kind: "event" },
      orderBy: { createdAt: "desc" },
      take: 1,
    });
    expect(events[0]!.data).toEqual({ status: ["resolved", "in_progress"] });
  });

  it("keeps internal notes from partners, in the ticket, its attachments and search", async () => {
    const db = tdb.prisma();
    const t = await report(actors.bellerive!, at("2026-11-23T09:00:00Z"), {
      subject: "Imprimante de l'accueil hors ligne",
      description: "L'imprimante réseau de l'accueil n'imprime plus depuis ce matin.",
    });
    await addMessage(db, files, actors.tech!, {
      ticketId: t.id,
      kind: "note",
      body: "Firmware défectueux, voir fournisseur Dupontel",
      attachments: [
        {
          fileName: "log.txt",
          mimeType: "text/plain",
          contentBase64: Buffer.from("erreur 42").toString("base64"),
        },
      ],
    });
    await addMessage(db, files, actors.tech!, {
      ticketId: t.id,
      kind: "reply",
      body: "Nous intervenons cet après-midi.",
    });
    const seenByPartner = await getTicket(db, actors.bellerive!, t.id);
    expect(JSON.stringify(seenByPartner)).not.toContain("Dupontel");
    expect(JSON.stringify(seenByPartner)).not.toContain("log.txt");
    expect(seenByPartner.messages.some((m) => m.body === "Nous intervenons cet après-midi.")).toBe(true);
    expect(JSON.stringify(await getTicket(db, actors.tech!, t.id))).toContain("Dupontel");
    await expect(
      addMessage(db, files, actors.bellerive!, { ticketId: t.id, kind: "note", body: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    // French search: stemming and accents ("imprimantes" finds "imprimante", "defectueux" finds "défectueux").
    expect((await searchTickets(db, actors.tech!, { q: "imprimantes accueil" })).map((x) => x.id)).toContain(
      t.id,
    );
    expect((await searchTickets(db, actors.tech!, { q: "firmware defectueux" })).map((x) => x.id)).toContain(
      t.id,
    );
    expect(await searchTickets(db, actors.bellerive!, { q: "firmware defectueux" })).toEqual([]);
    expect((await searchTickets(db, actors.bellerive!, { q: "intervenons" })).map((x) => x.id)).toContain(
      t.id,
    );
    expect(await searchTickets(db, actors.saintAubin!, { q: "imprimante" })).toEqual([]);
    await expect(getTicket(db, actors.saintAubin!, t.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("numbers tickets uniquely under concurrent creation", async () => {
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        report(actors.tech!, at("2026-11-23T10:00:00Z"), {
          channel: "phone",
          receivedAt: at(`2026-11-23T09:${String(i).padStart(2, "0")}:00Z`),
        }),
      ),
    );
    const numbers = created.map((t) => t.number);
    expect(new Set(numbers).size).toBe(12);
    expect(created.every((t) => t.channel === "phone")).toBe(true);
  });

  it("counts the SLA from reception for a letter entered later, in clock hours when the convention says so", async () => {
    const db = tdb.prisma();
    const ccas = await db.body.findFirstOrThrow({ where: { legalName: "CCAS de Villeneuve-d'Orlène" } });
    const eadmin = await db.service.findUniqueOrThrow({ where: { code: "E-ADMIN" } });
    const t = await createTicket(
      db,
      files,
      actors.tech!,
      {
        bodyId: ccas.id,
        serviceId: eadmin.id,
        subject: "Courrier urgent",
        description: "Parapheur électronique bloqué, courrier remis en main propre.",
        category: "fault",
        impact: "high",
        urgency: "medium",
        declarantName: "Déclarant fictif",
        channel: "letter",
        receivedAt: at("2026-11-21T09:00:00Z"),
      },
      at("2026-11-23T08:00:00Z"),
    );
    expect(t.createdAt.toISOString()).toBe("2026-11-23T08:00:00.000Z");
    expect(t.interventionDueAt!.toISOString()).toBe("2026-11-21T21:00:00.000Z"); // 12 h round the clock from reception
    expect(t.interventionState).toBe("breached");
    await expect(
      createTicket(
        db,
        files,
        actors.tech!,
        {
          bodyId: ccas.id,
          serviceId: eadmin.id,
          subject: "Futur",
          description: "Reçu dans le futur ?",
          category: "fault",
          impact: "low",
          urgency: "low",
          declarantName: "X Y",
          channel: "letter",
          receivedAt: at("2030-01-01T00:00:00Z"),
        },
        at("2026-11-23T08:00:00Z"),
      ),
    ).rejects.toMatchObject({ field: "receivedAt" });
  });

  it("moves states with time, filters the queue by keyset pages, merges duplicates, rates and auto-closes", async () => {
    const db = tdb.prisma();
    const t = await report(actors.bellerive!, at("2026-11-23T08:00:00Z"));
    // 75 % of 12 business hours from Monday 09:00: 9 h → Tuesday 10:30 Paris.
    expect(await refreshSlaStates(db, at("2026-11-24T09:31:00Z"))).toBeGreaterThan(0);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).interventionState).toBe("warning");
    const breaching = await listTickets(
      db,
      actors.tech!,
      { view: "breaching", limit: 100 },
      at("2026-11-24T09:31:00Z"),
    );
    expect(breaching.items.map((x) => x.id)).toContain(t.id);

    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTickets(db, actors.tech!, {
        bodyId: ids.bellerive,
        sort: "deadline",
        limit: 3,
        cursor,
      });
      all.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(await db.ticket.count({ where: { bodyId: ids.bellerive } }));
    for (const sort of ["received", "priority"] as const) {
      const seen: string[] = [];
      let c: string | undefined;
      do {
        const page = await listTickets(db, actors.tech!, { sort, limit: 4, cursor: c });
        seen.push(...page.items.map((x) => x.id));
        c = page.nextCursor ?? undefined;
      } while (c);
      expect(new Set(seen).size).toBe(await db.ticket.count());
    }
    // The counts agree with the lists they announce, for staff and within a partner's scope.
    const countListed = async (actor: Actor, filter: Record<string, unknown>) => {
      let n = 0;
      let cur: string | undefined;
      do {
        const page = await listTickets(db, actor, { ...filter, limit: 100, cursor: cur });
        n += page.items.length;
        cur = page.nextCursor ?? undefined;
      } while (cur);
      return n;
    };
    for (const who of [actors.tech!, actors.bellerive!, actors.saintAubin!]) {
      const counts = await queueCounts(db, who);
      for (const view of ["mine", "unassigned", "breaching"] as const)
        expect(counts.views[view]).toBe(await countListed(who, { view }));
      for (const status of ["new", "assigned", "in_progress", "waiting_partner"] as const)
        expect(counts.byStatus[status] ?? 0).toBe(await countListed(who, { status: [status] }));
    }
    expect(
      Object.values((await queueCounts(db, actors.tech!)).byStatus).reduce((a, b) => a + b, 0),
    ).toBeGreaterThan(0);
    expect((await listTickets(db, actors.saintAubin!, {})).items).toEqual([]);

    const dup = await report(actors.bellerive!, at("2026-11-23T08:05:00Z"));
    const merged = await mergeTicket(db, actors.tech!, { ticketId: dup.id, intoNumber: t.number });
    expect(merged).toMatchObject({ status: "cancelled", mergedIntoId: t.id, slaState: "none" });

    await changeStatus(db, actors.tech!, { ticketId: t.id, status: "resolved" }, at("2026-11-24T10:00:00Z"));
    await expect(rateTicket(db, actors.tech!, { ticketId: t.id, score: 5 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(
      await rateTicket(db, actors.bellerive!, { ticketId: t.id, score: 4, comment: "Rapide" }),
    ).toMatchObject({ csatScore: 4 });
    expect(await autoCloseResolved(db, at("2026-11-30T10:00:00Z"), 7)).toBe(0);
    expect(await autoCloseResolved(db, at("2026-12-01T10:00:01Z"), 7)).toBeGreaterThanOrEqual(1);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("closed");
  });

  it("uses the convention terms in force at reception, and the service defaults without a convention", async () => {
    const db = tdb.prisma();
    const cepm = await db.body.findFirstOrThrow({ where: { kind: "association" } });
    const cepmAgent = await world.actor("agent@cepm.example");
    const t = await createTicket(
      db,
      files,
      cepmAgent,
      {
        bodyId: cepm.id,
        serviceId: ids.gis!,
        subject: "Question carte",
        description: "Comment exporter la carte en PDF ?",
        category: "question",
        impact: "low",
        urgency: "low",
        declarantName: "Patrick Lemaire",
      },
      at("2026-11-23T09:00:00Z"),
    );
    expect(t).toMatchObject({ termsSource: "default", interventionMinutes: 80 * 60 });
    // A convention signed for the CEPM narrows what its agents may report on.
    const c = await createConvention(db, actors.manager!, {
      title: "Open data",
      deliberationRef: "T-1",
      signatoryBodyId: cepm.id,
      communeBodyId: ids.bellerive,
      startDate: "2026-01-01",
    });
    const v1 = await db.conventionVersion.findFirstOrThrow({ where: { conventionId: c.id } });
    const opendata = await db.service.findUniqueOrThrow({ where: { code: "OPENDATA" } });
    await setVersionTerms(db, actors.manager!, {
      versionId: v1.id,
      serviceId: opendata.id,
      terms: {
        calendarId: ids.dsi!,
        channels: ["email"],
        targets: PRIORITIES.map((p) => ({
          priority: p,
          interventionMinutes: 60,
          interventionBasis: "business",
          resolutionMinutes: 120,
          resolutionBasis: "business",
          warningPercent: 50,
        })),
      },
    });
    await activateConvention(db, actors.manager!, c.id);
    await expect(
      createTicket(
        db,
        files,
        cepmAgent,
        {
          bodyId: cepm.id,
          serviceId: ids.gis!,
          subject: "Autre",
          description: "Service hors convention.",
          category: "question",
          impact: "low",
          urgency: "low",
          declarantName: "Patrick Lemaire",
        },
        at("2026-11-23T09:00:00Z"),
      ),
    ).rejects.toMatchObject({ field: "serviceId" });
    await expect(
      createTicket(
        db,
        files,
        cepmAgent,
        {
          bodyId: cepm.id,
          serviceId: opendata.id,
          subject: "Portail",
          description: "Le portail refuse les saisies.",
          category: "question",
          impact: "low",
          urgency: "low",
          declarantName: "Patrick Lemaire",
        },
        at("2026-11-23T09:00:00Z"),
      ),
    ).rejects.toMatchObject({ field: "serviceId", message: "channel_not_allowed" });
  });

  it("acknowledges to the declarant, notifies the assignee, and warns and escalates exactly once per target", async () => {
    const db = tdb.prisma();
    const t = await report(actors.bellerive!, at("2026-11-23T08:00:00Z"), {
      declarantEmail: "agent@bellerive.example",
      subject: "Messagerie coupée",
    });
    const mails = (where: object = {}) =>
      db.outboxMessage.findMany({ where: { ticketId: t.id, ...where }, orderBy: { createdAt: "asc" } });
    expect((await mails()).map((m) => [m.template, m.toEmail])).toEqual([
      ["ticket.received", "agent@bellerive.example"],
    ]);
    expect((await mails())[0]!.data).toMatchObject({
      number: t.number,
      dueAt: t.interventionDueAt!.toISOString(),
    });
    await assignTicket(
      db,
      actors.manager!,
      { ticketId: t.id, assigneeId: actors.tech!.userId },
      at("2026-11-23T08:05:00Z"),
    );
    expect(await mails({ template: "ticket.assigned" })).toHaveLength(1);
    // Warning at 75 %, twice refreshed: one message. Breach: assignee and managers, once.
    await refreshSlaStates(db, at("2026-11-24T09:31:00Z"));
    await refreshSlaStates(db, at("2026-11-24T09:45:00Z"));
    expect((await mails({ template: "ticket.sla-warning" })).map((m) => m.toEmail)).toEqual([
      "tech@val-orlene.example",
    ]);
    await refreshSlaStates(db, at("2026-11-24T13:31:00Z"));
    await refreshSlaStates(db, at("2026-11-24T14:00:00Z"));
    expect((await mails({ template: "ticket.sla-breach" })).map((m) => m.toEmail).sort()).toEqual([
      "manager@val-orlene.example",
      "tech@val-orlene.example",
    ]);
    // A partner's reply goes to the assignee; a staff reply to the declarant.
    await addMessage(
      db,
      files,
      actors.bellerive!,
      { ticketId: t.id, kind: "reply", body: "Toujours coupée." },
      at("2026-11-24T14:10:00Z"),
    );
    await addMessage(
      db,
      files,
      actors.tech!,
      { ticketId: t.id, kind: "note", body: "Note interne" },
      at("2026-11-24T14:15:00Z"),
    );
    await addMessage(
      db,
      files,
      actors.tech!,
      { ticketId: t.id, kind: "reply", body: "Rétablie." },
      at("2026-11-24T14:20:00Z"),
    );
    expect((await mails({ template: "ticket.partner-reply" })).map((m) => m.toEmail)).toEqual([
      "tech@val-orlene.example",
    ]);
    const replies = await mails({ template: "ticket.reply" });
    expect(replies.map((m) => m.toEmail)).toEqual(["agent@bellerive.example"]);
    expect(JSON.stringify(await mails())).not.toContain("Note interne");
  });

  it("requalifies a ticket to another service: the terms of that service at reception apply", async () => {
    const db = tdb.prisma();
    const t = await report(actors.bellerive!, at("2026-11-23T08:00:00Z"));
    expect(t).toMatchObject({ termsSource: "convention", interventionMinutes: 720 });
    const pelehas = await db.service.findUniqueOrThrow({ where: { code: "PELEHAS" } });
    const moved = await changeService(
      db,
      actors.tech!,
      { ticketId: t.id, serviceId: pelehas.id },
      at("2026-11-23T09:00:00Z"),
    );
    expect(moved).toMatchObject({
      serviceId: pelehas.id,
      termsSource: "default",
      interventionMinutes: 16 * 60,
    }); // Bellerive has no convention for it
    await expect(
      changeService(db, actors.bellerive!, { ticketId: t.id, serviceId: ids.gis! }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const events = await db.ticketMessage.findMany({ where: { ticketId: t.id, kind: "event" } });
    expect(events.some((e) => JSON.stringify(e.data).includes("Pelehas"))).toBe(true);
  });
});
