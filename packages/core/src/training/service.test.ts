// Trainings on a real PostgreSQL: the waitlist, promotion, updates with a higher SEQUENCE, attendance,
// certificate, survey once, isolation of names, and 50 concurrent registrations for the last 3 seats.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@mutuo/db";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Actor } from "../access/index.ts";
import { pdfText } from "../documents/index.ts";
import { checkIn, markAttendance, signSheet } from "./attendance.ts";
import { billableTrainingActivities, trainingConsumption } from "./consumption.ts";
import { certificatePdf, signInSheetPdf } from "./documents.ts";
import { getSession, listSessions } from "./queries.ts";
import { cancelRegistration, register } from "./registrations.ts";
import { createCourse, createSession, updateSession } from "./service.ts";
import { answerSurvey } from "./survey.ts";
import type { SessionInput } from "./schema.ts";
import { subscribeForTest } from "./testing.ts";

const NOW = new Date("2026-03-02T09:00:00Z");

describe("training sessions", () => {
  let tdb: TestDatabase;
  let db: Db;
  let manager: Actor;
  let bodies: string[];
  let agents: Actor[][];
  let serviceId: string;
  let courseId: string;

  const agent = (u: { id: string; name: string }, bodyId: string): Actor => ({
    userId: u.id,
    name: u.name,
    role: "agent",
    bodyIds: [bodyId],
    activeBodyId: null,
  });

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = tdb.prisma();
    const m = await db.user.create({
      data: { email: "chef@dsi.example", name: "Chef DSI", role: "manager" },
    });
    manager = { userId: m.id, name: m.name, role: "manager", bodyIds: [], activeBodyId: null };
    serviceId = (await db.service.create({ data: { code: "TEST-SIG", name: "SIG test" } })).id;
    bodies = [];
    agents = [];
    for (const [i, name] of [
      "Commune d'Aval",
      "Commune de Brume",
      "Commune de Cendre",
      "Commune de Dune",
    ].entries()) {
      const b = await db.body.create({ data: { legalName: name, kind: "commune" } });
      bodies.push(b.id);
      // The fourth body has no convention: not eligible.
      if (i < 3) {
        await subscribeForTest(db, {
          number: `CONV-T-${i}`,
          bodyId: b.id,
          serviceId,
          trainingDaysIncluded: 3,
        });
      }
      const people: Actor[] = [];
      for (let k = 0; k < (i === 0 ? 60 : 4); k++) {
        const u = await db.user.create({
          data: {
            email: `agent${k}@b${i}.example`,
            name: `Agent ${k} ${name}`,
            role: "agent",
            memberships: { create: { bodyId: b.id } },
          },
        });
        people.push(agent(u, b.id));
      }
      agents.push(people);
    }
    courseId = (
      await createCourse(db, manager, {
        serviceId,
        title: "Initiation au SIG",
        objectives: "Consulter et annoter les plans",
        durationHalfDays: 4,
        format: "on_site",
        defaultCapacity: 8,
      })
    ).id;
  });
  afterAll(() => tdb.drop());

  const twoDays = (capacity: number, days = ["2026-03-27", "2026-03-30"]): SessionInput => ({
    courseId,
    slots: days.flatMap((date) => [
      { date, start: "09:00", end: "12:30" },
      { date, start: "13:30", end: "17:00" },
    ]),
    address: "1 place de la Mairie",
    room: "Salle du conseil",
    trainerName: "Odile Formatrice",
    capacity,
  });

  it("fills 8 seats from 3 bodies, waitlists the 9th, promotes it on a cancellation, updates with a higher SEQUENCE", async () => {
    const s = await createSession(db, manager, twoDays(8), NOW);
    const who = [...agents[0]!.slice(0, 3), ...agents[1]!.slice(0, 3), ...agents[2]!.slice(0, 3)];
    const results = [];
    for (const a of who) results.push(await register(db, a, { sessionId: s.id }, NOW));
    expect(results.map((r) => r.status)).toEqual([...Array(8).fill("confirmed"), "waitlisted"]);
    expect(results[8]!.position).toBe(1);
    const invitations = await db.outboxMessage.findMany({ where: { template: "training.invitation" } });
    expect(invitations).toHaveLength(8);
    const ics = (invitations[0]!.data as { ical: { method: string; content: string } }).ical;
    expect(ics.method).toBe("REQUEST");
    expect(ics.content).toContain("DTSTART;TZID=Europe/Paris:20260330T090000");
    expect((await getSession(db, manager, s.id, NOW)).status).toBe("full");

    // One cancels: the waitlisted person is promoted and invited.
    const r0 = (await getSession(db, who[0]!, s.id, NOW)).registrations.find((r) => r.mine)!;
    const cancelled = await cancelRegistration(db, who[0]!, r0.id, NOW);
    expect(cancelled.late).toBe(false);
    expect(cancelled.promoted).toEqual([results[8]!.id]);
    const promoted = await db.outboxMessage.findFirstOrThrow({ where: { template: "training.promoted" } });
    expect(promoted.toUserId).toBe(who[8]!.userId);
    const cancel = await db.outboxMessage.findFirstOrThrow({ where: { template: "training.cancelled" } });
    expect((cancel.data as { ical: { method: string } }).ical.method).toBe("CANCEL");

    // The time changes: everyone confirmed gets an update with SEQUENCE 1.
    const moved = await updateSession(
      db,
      manager,
      { id: s.id, session: twoDays(8, ["2026-03-27", "2026-03-31"]) },
      NOW,
    );
    expect(moved.sequence).toBe(1);
    const updates = await db.outboxMessage.findMany({ where: { template: "training.update" } });
    expect(updates).toHaveLength(8);
    expect((updates[0]!.data as { ical: { content: string } }).ical.content).toContain("SEQUENCE:1");

    // An agent of another body sees the session and the counts, not the others' names.
    const view = await getSession(db, who[3]!, s.id, NOW);
    expect(view.confirmedCount).toBe(8);
    expect(view.registrations.every((r) => r.body.id === bodies[1])).toBe(true);
    expect(JSON.stringify(view)).not.toContain("Commune d'Aval");
  });

  it("refuses bad input with the field named: slot end, capacity 0, an ineligible body, after the session", async () => {
    const bad = twoDays(8);
    bad.slots[1] = { date: "2026-03-27", start: "14:00", end: "13:00" };
    await expect(createSession(db, manager, bad, NOW)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["slots", 1, "end"], message: "slot_end_before_start" })],
    });
    await expect(createSession(db, manager, twoDays(0), NOW)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["capacity"], message: "capacity_positive" })],
    });
    const s = await createSession(db, manager, twoDays(8), NOW);
    await expect(register(db, agents[3]![0]!, { sessionId: s.id }, NOW)).rejects.toMatchObject({
      field: "bodyId",
      message: "body_not_eligible",
    });
    await expect(
      register(db, manager, { sessionId: s.id, userId: agents[3]![0]!.userId }, NOW),
    ).rejects.toMatchObject({
      field: "bodyId",
      message: "body_not_eligible",
    });
    await expect(
      register(db, agents[0]![0]!, { sessionId: s.id }, new Date("2026-04-01T10:00:00Z")),
    ).rejects.toMatchObject({ field: "sessionId", message: "session_started" });
    await expect(
      createSession(db, manager, { ...twoDays(4), dedicatedBodyId: bodies[3]! }, NOW),
    ).rejects.toMatchObject({ field: "dedicatedBodyId", message: "body_not_eligible" });
  });

  it("takes attendance per half-day; 3 of 4 present gives a certificate of 10,5 h; the survey is answered once", async () => {
    const s = await createSession(db, manager, twoDays(4, ["2026-04-07", "2026-04-08"]), NOW);
    const trainee = agents[1]![3]!;
    const reg = await register(db, trainee, { sessionId: s.id }, NOW);
    const other = await register(db, agents[2]![3]!, { sessionId: s.id }, NOW);
    const slots = await db.trainingSlot.findMany({
      where: { sessionId: s.id },
      orderBy: { startsAt: "asc" },
    });
    // Self check-in with the room's code, valid during its half-day only.
    const during = new Date(+slots[0]!.startsAt + 30 * 60_000);
    await expect(
      checkIn(db, trainee, { sessionId: s.id, code: slots[1]!.checkInCode }, during),
    ).rejects.toMatchObject({ field: "code", message: "code_invalid" });
    await checkIn(db, trainee, { sessionId: s.id, code: slots[0]!.checkInCode }, during);
    for (const [i, status] of (["present", "absent", "present"] as const).entries())
      await markAttendance(db, manager, { slotId: slots[i + 1]!.id, registrationId: reg.id, status }, during);
    await markAttendance(
      db,
      manager,
      { slotId: slots[0]!.id, registrationId: other.id, status: "excused" },
      during,
    );
    for (const slot of slots) await signSheet(db, manager, slot.id, new Date(+slot.endsAt + 60_000));
    // Present on half-days 1 (own code), 2 and 4 (trainer): 3 of 4.
    const sheet = pdfText(Buffer.from((await signInSheetPdf(db, null, manager, slots[0]!.id)).bytes));
    expect(sheet).toContain("Feuille d'émargement");
    expect(sheet).toContain(`Agent 3 Commune de Brume`);
    expect(sheet).toContain("confirmé par la personne");
    expect(sheet).toContain("Excusé");
    const after = new Date("2026-04-09T10:00:00Z");
    const cert = pdfText(Buffer.from((await certificatePdf(db, null, trainee, reg.id)).bytes));
    expect(cert).toContain("Certificat de réalisation");
    expect(cert).toMatch(/10,5 h \(3 demi-journée\(s\) sur 4\)/);
    // Another body's agent cannot fetch it.
    await expect(certificatePdf(db, null, agents[0]![0]!, reg.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const answer = {
      registrationId: reg.id,
      ratings: { content: 5, trainer: 4, organisation: 4, usefulness: 5 },
      comment: "Très concret",
    };
    await answerSurvey(db, trainee, answer, after);
    await expect(answerSurvey(db, trainee, answer, after)).rejects.toMatchObject({
      message: "survey_already_answered",
    });
    const results = (await getSession(db, manager, s.id, after)).survey!;
    expect(results.answers).toBe(1);
    expect(results.averages.content).toBe(5);
  });

  it("lists sessions for an agent of an eligible body only; counts days consumed; hands billing its activities", async () => {
    const dedicated = await createSession(
      db,
      manager,
      { ...twoDays(6, ["2026-05-05"]), dedicatedBodyId: bodies[2]! },
      NOW,
    );
    const listA = await listSessions(db, agents[0]![0]!, { when: "all" }, NOW);
    expect(listA.items.some((s) => s.id === dedicated.id)).toBe(false);
    const listC = await listSessions(db, agents[2]![0]!, { when: "all" }, NOW);
    expect(listC.items.find((s) => s.id === dedicated.id)?.dedicatedTo).toBe("Commune de Cendre");
    expect((await listSessions(db, agents[3]![0]!, { when: "all" }, NOW)).items).toEqual([]);
    const usage = await trainingConsumption(db, agents[2]![0]!, { bodyId: bodies[2] }, NOW);
    expect(usage).toHaveLength(1);
    expect(usage[0]!.included).toBe(3);
    expect(usage[0]!.consumed).toBe(9); // pinned: the same figure as the former per-service reads gave
    const activities = await billableTrainingActivities(db, {
      bodyIds: [bodies[2]!],
      from: "2026-05-01",
      to: "2026-05-31",
    });
    expect(activities).toEqual([
      expect.objectContaining({
        kind: "training_dedicated_day",
        quantity: 1,
        unit: "day",
        source: expect.objectContaining({ id: dedicated.id }),
      }),
    ]);
  });

  it("50 concurrent registrations for the last 3 seats: exactly 3 confirmed, 47 waitlisted in arrival order", async () => {
    const s = await createSession(db, manager, { ...twoDays(10, ["2026-06-02"]) }, NOW);
    for (const a of agents[0]!.slice(0, 7)) await register(db, a, { sessionId: s.id }, NOW);
    const wide = createPrismaClient(tdb.url, { max: 25 });
    try {
      const crowd = agents[0]!.slice(7, 57);
      const results = await Promise.all(crowd.map((a) => register(wide, a, { sessionId: s.id }, NOW)));
      expect(results.filter((r) => r.status === "confirmed")).toHaveLength(3);
      expect(results.filter((r) => r.status === "waitlisted")).toHaveLength(47);
      const regs = await db.trainingRegistration.findMany({
        where: { sessionId: s.id },
        orderBy: { seq: "asc" },
      });
      expect(regs.filter((r) => r.status === "confirmed")).toHaveLength(10);
      // Seats went to the first to obtain the session's lock; the waitlist follows that order.
      const statuses = regs.map((r) => r.status);
      expect(statuses.slice(0, 10).every((x) => x === "confirmed")).toBe(true);
      expect(statuses.slice(10).every((x) => x === "waitlisted")).toBe(true);
      const positions = results
        .filter((r) => r.status === "waitlisted")
        .map((r) => r.position)
        .sort((a, b) => a! - b!);
      expect(positions).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
      const byId = new Map(regs.map((r) => [r.id, r.seq]));
      const waitlisted = results.filter((r) => r.status === "waitlisted");
      for (const w of waitlisted)
        for (const v of waitlisted)
          if (byId.get(w.id)! < byId.get(v.id)!) expect(w.position!).toBeLessThan(v.position!);
    } finally {
      await wide.$disconnect();
    }
  }, 120_000);
});
