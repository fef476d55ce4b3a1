// The ticket page's write paths: reply and wait until a date (one transaction), reply and resolve,
// the wait's reminders and closure, presence on a ticket, the context beside it, canned replies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@mutuo/db/testing";
import type { Actor } from "../access/index.ts";
import {
  cannedRepliesForTicket,
  createCannedReply,
  deleteCannedReply,
  listCannedReplies,
  updateCannedReply,
} from "../canned-replies/index.ts";
import type { FileStore } from "../files/index.ts";
import { createTestWorld, type TestWorld } from "../shared/test-world.ts";
import { addMessage } from "./conversation.ts";
import { ticketContext } from "./context.ts";
import { createTicket } from "./create.ts";
import { heartbeat, leaveTicket, PRESENCE_TTL_MS } from "./presence.ts";
import { getTicket } from "./queries.ts";
import { nextWaitingStep } from "./rules.ts";
import { waitingSettingsInput } from "./schema.ts";
import { processDueWaits } from "./waiting.ts";
import { assignTicket, changeStatus } from "./workflow.ts";

const H = 3600_000;
const DAY = 24 * H;

describe("the ticket page", () => {
  let tdb: TestDatabase;
  let files: FileStore;
  let world: TestWorld;
  const actors: Record<string, Actor> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    world = await createTestWorld("ticket-page", {
      manager: "manager@val-orlene.example",
      tech: "tech@val-orlene.example",
      bellerive: "agent@bellerive.example",
      saintAubin: "agent@saint-aubin.example",
    });
    ({ tdb, files } = world);
    Object.assign(actors, world.actors);
    Object.assign(ids, world.ids);
  });
  afterAll(() => world.close());

  const report = (now: Date, subject = "Le SIG ne s'affiche plus") =>
    createTicket(
      tdb.prisma(),
      files,
      actors.bellerive!,
      {
        bodyId: ids.bellerive!,
        serviceId: ids.gis!,
        subject,
        description: "Depuis ce soir, la carte des réseaux reste blanche.",
        category: "fault",
        impact: "high",
        urgency: "medium",
        declarantName: "Marc Delorme",
        declarantEmail: "agent@bellerive.example",
      },
      now,
    );
  const mails = (ticketId: string, template: string) =>
    tdb.prisma().outboxMessage.findMany({ where: { ticketId, template }, orderBy: { createdAt: "asc" } });

  it("sends a reply and waits on the partner until a date in one action; the partner hears so", async () => {
    const db = tdb.prisma();
    const t0 = new Date("2026-11-23T09:00:00Z");
    const t = await report(t0);
    await assignTicket(db, actors.tech!, { ticketId: t.id, assigneeId: actors.tech!.userId }, t0);
    const until = new Date(t0.getTime() + 2 * DAY);
    const { ticket } = await addMessage(
      db,
      files,
      actors.tech!,
      {
        ticketId: t.id,
        kind: "reply",
        body: "Pouvez-vous nous envoyer une capture ?",
        then: "wait",
        waitingUntil: until,
      },
      new Date(t0.getTime() + H),
    );
    expect(ticket).toMatchObject({ status: "waiting_partner", waitingUntil: until, waitingReminders: 0 });
    expect(ticket.interventionAt).toEqual(new Date(t0.getTime() + H));
    expect(await db.ticketPause.count({ where: { ticketId: t.id, endedAt: null } })).toBe(1);
    const [waiting] = await mails(t.id, "ticket.waiting");
    expect(waiting).toMatchObject({ toEmail: "agent@bellerive.example" });
    expect(waiting!.data).toMatchObject({
      body: "Pouvez-vous nous envoyer une capture ?",
      waitingUntil: until.toISOString(),
    });
    expect(await mails(t.id, "ticket.reply")).toHaveLength(0); // one e-mail, not two

    // A date in the past is refused on its field, and nothing is written.
    const before = await db.ticketMessage.count({ where: { ticketId: t.id } });
    await expect(
      addMessage(
        db,
        files,
        actors.tech!,
        {
          ticketId: t.id,
          kind: "reply",
          body: "Encore une question",
          then: "wait",
          waitingUntil: new Date(t0.getTime() - DAY),
        },
        new Date(t0.getTime() + 2 * H),
      ),
    ).rejects.toMatchObject({ field: "waitingUntil" });
    expect(await db.ticketMessage.count({ where: { ticketId: t.id } })).toBe(before);

    // Partners cannot change the status with a reply, nor write a note that waits.
    await expect(
      addMessage(db, files, actors.bellerive!, {
        ticketId: t.id,
        kind: "reply",
        body: "Voici",
        then: "resolve",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    // The partner's answer ends the wait and its date.
    const answered = await addMessage(
      db,
      files,
      actors.bellerive!,
      { ticketId: t.id, kind: "reply", body: "Capture jointe." },
      new Date(t0.getTime() + 3 * H),
    );
    expect(answered.ticket).toMatchObject({ status: "in_progress", waitingUntil: null });

    // « Envoyer et résoudre »: the reply and the resolution together.
    const resolved = await addMessage(
      db,
      files,
      actors.tech!,
      { ticketId: t.id, kind: "reply", body: "Le cache est vidé, la carte s'affiche.", then: "resolve" },
      new Date(t0.getTime() + 4 * H),
    );
    expect(resolved.ticket).toMatchObject({ status: "resolved", resolvedAt: new Date(t0.getTime() + 4 * H) });
    const events = await db.ticketMessage.findMany({ where: { ticketId: t.id, kind: "event" } });
    expect(events.map((e) => (e.data as { status?: string[] }).status).filter(Boolean)).toContainEqual([
      "in_progress",
      "resolved",
    ]);
  });

  it("at the wait's date reminds the assignee once, then the partner, then closes, as configured", async () => {
    const db = tdb.prisma();
    const t0 = new Date("2026-11-24T09:00:00Z");
    const t = await report(t0, "Imprimante du SIG hors ligne");
    await assignTicket(db, actors.tech!, { ticketId: t.id, assigneeId: actors.tech!.userId }, t0);
    const until = new Date(t0.getTime() + DAY);
    await changeStatus(
      db,
      actors.tech!,
      { ticketId: t.id, status: "waiting_partner", waitingUntil: until },
      t0,
    );
    const settings = waitingSettingsInput.parse({ reminders: 1, reminderDays: 2, autoClose: true });

    // Before the date: nothing. At the date, twice (two workers): one reminder each, not two.
    expect(await processDueWaits(db, new Date(until.getTime() - 60_000), settings)).toBe(0);
    const [a, b] = await Promise.all([
      processDueWaits(db, until, settings),
      processDueWaits(db, until, settings),
    ]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await mails(t.id, "ticket.waiting-due")).toHaveLength(1);
    expect((await mails(t.id, "ticket.waiting-due"))[0]!.toEmail).toBe("tech@val-orlene.example");
    expect(await mails(t.id, "ticket.waiting-reminder")).toHaveLength(1);
    const after1 = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(after1).toMatchObject({ status: "waiting_partner", waitingReminders: 1 });
    expect(after1.waitingUntil).toEqual(new Date(until.getTime() + 2 * DAY));
    expect(await processDueWaits(db, new Date(until.getTime() + DAY), settings)).toBe(0);

    // The last delay passes without an answer: closed, the partner told, the pause ended.
    const end = new Date(until.getTime() + 2 * DAY);
    expect(await processDueWaits(db, end, settings)).toBe(1);
    const closed = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(closed).toMatchObject({ status: "closed", closedAt: end, waitingUntil: null });
    expect(await mails(t.id, "ticket.waiting-closed")).toHaveLength(1);
    expect(await db.ticketPause.count({ where: { ticketId: t.id, endedAt: null } })).toBe(0);
    expect(await processDueWaits(db, new Date(end.getTime() + DAY), settings)).toBe(0);
  });

  it("without automatic reminders only the technician is reminded, once per date", async () => {
    const db = tdb.prisma();
    const t0 = new Date("2026-11-25T09:00:00Z");
    const t = await report(t0, "Couche cadastre absente");
    const until = new Date(t0.getTime() + DAY);
    await changeStatus(
      db,
      actors.tech!,
      { ticketId: t.id, status: "waiting_partner", waitingUntil: until },
      t0,
    );
    const settings = waitingSettingsInput.parse({});
    expect(settings).toEqual({ reminders: 0, reminderDays: 3, autoClose: false });
    expect(nextWaitingStep(0, settings)).toBe("remind_staff");
    expect(await processDueWaits(db, until, settings)).toBe(1);
    expect(await processDueWaits(db, new Date(until.getTime() + H), settings)).toBe(0);
    // Unassigned: the managers are reminded; the partner hears nothing.
    expect((await mails(t.id, "ticket.waiting-due")).map((m) => m.toEmail)).toEqual([
      "manager@val-orlene.example",
    ]);
    expect(await mails(t.id, "ticket.waiting-reminder")).toHaveLength(0);
    expect(await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      status: "waiting_partner",
    });
    // A new date is a new reminder.
    const later = new Date(until.getTime() + DAY);
    await changeStatus(
      db,
      actors.tech!,
      { ticketId: t.id, status: "waiting_partner", waitingUntil: later },
      until,
    );
    expect(await processDueWaits(db, later, settings)).toBe(1);
    expect(await mails(t.id, "ticket.waiting-due")).toHaveLength(2);
  });

  it("shows who else is on a ticket, replying or viewing, for staff only, until the TTL passes", async () => {
    const db = tdb.prisma();
    const now = new Date("2026-11-26T09:00:00Z");
    const t = await report(now, "Lenteurs du SIG");
    expect(await heartbeat(db, actors.tech!, { ticketId: t.id, replying: true }, now)).toEqual([]);
    const seen = await heartbeat(db, actors.manager!, { ticketId: t.id }, new Date(now.getTime() + 3000));
    expect(seen).toEqual([{ userId: actors.tech!.userId, name: actors.tech!.name, replying: true }]);
    const later = new Date(now.getTime() + PRESENCE_TTL_MS + 5000);
    expect(await heartbeat(db, actors.manager!, { ticketId: t.id }, later)).toEqual([]);
    await heartbeat(db, actors.tech!, { ticketId: t.id }, later);
    await leaveTicket(db, actors.tech!, { ticketId: t.id });
    expect(await heartbeat(db, actors.manager!, { ticketId: t.id }, later)).toEqual([]);
    await expect(heartbeat(db, actors.bellerive!, { ticketId: t.id }, now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("gives the body's context beside a ticket: other open tickets, contacts, convention and terms today", async () => {
    const db = tdb.prisma();
    const now = new Date("2026-11-26T10:00:00Z");
    const t = await report(now, "Export PDF du SIG vide");
    const other = await report(now, "Mot de passe SIG expiré");
    const ctx = await ticketContext(db, actors.tech!, t.id, now);
    expect(ctx.body.legalName).toBe("Commune de Bellerive-sur-Orlène");
    expect(ctx.openTickets.map((x) => x.id)).toContain(other.id);
    expect(ctx.openTickets.map((x) => x.id)).not.toContain(t.id);
    expect(ctx.contacts.map((c) => c.email)).toContain("agent@bellerive.example");
    expect(ctx.conventions.length).toBeGreaterThan(0);
    expect(ctx.termsToday).toMatchObject({
      source: "convention",
      priority: "high",
      interventionMinutes: 720,
    });
    await expect(ticketContext(db, actors.bellerive!, t.id, now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("keeps canned replies personal or shared, fills their placeholders, and lets only managers share", async () => {
    const db = tdb.prisma();
    const now = new Date("2026-11-27T08:00:00Z"); // Friday 09:00 in Paris: 12 working hours end Monday 15:00
    const t = await report(now, "Légende de carte illisible");
    const mine = await createCannedReply(db, actors.tech!, {
      title: "Demande de capture",
      body: "Bonjour {declarant}, pour {numero} pouvez-vous joindre une capture ? Intervention avant {echeance}. {technicien} {inconnu}",
    });
    await expect(
      createCannedReply(db, actors.tech!, { title: "Partagée", body: "Texte partagé", shared: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const shared = await createCannedReply(db, actors.manager!, {
      title: "Clôture",
      body: "Nous clôturons {numero}.",
      shared: true,
    });
    // The manager does not see the technician's personal reply; both see the shared one.
    expect((await listCannedReplies(db, actors.manager!)).map((r) => r.id)).toEqual([shared.id]);
    const techList = await listCannedReplies(db, actors.tech!);
    expect(techList.map((r) => [r.title, r.editable])).toEqual([
      ["Clôture", false],
      ["Demande de capture", true],
    ]);
    await expect(
      updateCannedReply(db, actors.tech!, { id: shared.id, title: "Piratée", body: "Texte" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteCannedReply(db, actors.manager!, { id: mine.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const filled = await cannedRepliesForTicket(db, actors.tech!, { ticketId: t.id });
    const text = filled.find((r) => r.id === mine.id)!.text;
    expect(text).toBe(
      `Bonjour Marc Delorme, pour ${t.number} pouvez-vous joindre une capture ? Intervention avant lundi 30 novembre à 15:00. Nadia Belkacem {inconnu}`,
    );
    await expect(cannedRepliesForTicket(db, actors.bellerive!, { ticketId: t.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await updateCannedReply(db, actors.tech!, { id: mine.id, title: "Capture", body: "Merci {declarant}" });
    await deleteCannedReply(db, actors.tech!, { id: mine.id });
    expect((await listCannedReplies(db, actors.tech!)).map((r) => r.id)).toEqual([shared.id]);
  });

  it("explains when the clock starts while no working time has elapsed (received on a Saturday)", async () => {
    const db = tdb.prisma();
    const saturday = new Date("2026-11-28T10:00:00Z"); // 11:00 in Paris
    const t = await report(saturday, "Carte muette le samedi");
    const seen = await getTicket(db, actors.tech!, t.id, new Date("2026-11-29T09:00:00Z"));
    expect(seen.clockStartsAt).toEqual(new Date("2026-11-30T07:30:00Z")); // Monday 08:30 in Paris
    // Once working time has elapsed, nothing to explain.
    const monday = await getTicket(db, actors.tech!, t.id, new Date("2026-11-30T09:00:00Z"));
    expect(monday.clockStartsAt).toBeNull();
  });
});
