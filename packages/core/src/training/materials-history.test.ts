// Course materials and session history on a real PostgreSQL: a course edited (audit trail kept), files
// attached through a stream (size, type by content, not by name), downloaded by staff and the agents who
// may attend, refused to an agent of a body with no registration and no eligibility; the history of a
// session with who and what, filtered per body for partners.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@mutuo/db";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Actor } from "../access/index.ts";
import { localFileStore, openDocumentHead, SLIDE_TYPES, type StreamingFileStore } from "../files/index.ts";
import { checkIn, signSheet } from "./attendance.ts";
import { certificatePdf } from "./documents.ts";
import { sessionHistory } from "./events.ts";
import { addMaterial, readMaterial, removeMaterial } from "./materials.ts";
import { getCourse } from "./queries.ts";
import { cancelRegistration, register } from "./registrations.ts";
import { createCourse, createSession, updateCourse, updateSession } from "./service.ts";
import type { SessionInput } from "./schema.ts";
import { subscribeForTest } from "./testing.ts";

const NOW = new Date("2026-03-02T09:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.4\n% support de cours\n%%EOF\n");

async function* chunks(bytes: Uint8Array, size = 64 * 1024) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
async function readAll(stream: AsyncIterable<Buffer | Uint8Array>) {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

describe("training materials and history", () => {
  let tdb: TestDatabase;
  let db: Db;
  let dir: string;
  let files: StreamingFileStore;
  let manager: Actor;
  let serviceId: string;
  let courseId: string;
  /** agents[0], agents[1]: eligible bodies A and B; outsider: a body with no convention. */
  let agents: Actor[];
  let outsider: Actor;
  let bodyIds: string[];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = tdb.prisma();
    dir = await mkdtemp(path.join(os.tmpdir(), "mutuo-training-"));
    files = localFileStore(dir);
    const m = await db.user.create({
      data: { email: "chef@dsi.example", name: "Chef DSI", role: "manager" },
    });
    manager = { userId: m.id, name: m.name, role: "manager", bodyIds: [], activeBodyId: null };
    serviceId = (await db.service.create({ data: { code: "TEST-MAT", name: "SIG test" } })).id;
    agents = [];
    bodyIds = [];
    for (const [i, name] of ["Commune d'Amont", "Commune de Bief", "Commune de Crue"].entries()) {
      const b = await db.body.create({ data: { legalName: name, kind: "commune" } });
      bodyIds.push(b.id);
      if (i < 2) await subscribeForTest(db, { number: `CONV-M-${i}`, bodyId: b.id, serviceId });
      const u = await db.user.create({
        data: {
          email: `agent@m${i}.example`,
          name: `Agent de ${name}`,
          role: "agent",
          memberships: { create: { bodyId: b.id } },
        },
      });
      const a: Actor = { userId: u.id, name: u.name, role: "agent", bodyIds: [b.id], activeBodyId: null };
      if (i < 2) agents.push(a);
      else outsider = a;
    }
    courseId = (
      await createCourse(db, manager, {
        serviceId,
        title: "Initiation au SIG",
        objectives: "Consulter les plans",
        durationHalfDays: 2,
        format: "on_site",
        defaultCapacity: 8,
      })
    ).id;
  });
  afterAll(async () => {
    await tdb.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("edits a course: fields checked, what changed kept in the audit trail, staff only", async () => {
    const base = {
      id: courseId,
      serviceId,
      title: "Initiation au SIG (niveau 1)",
      objectives: "Consulter et annoter les plans",
      audience: "Agents d'urbanisme",
      prerequisites: "Aucun",
      durationHalfDays: 4,
      format: "remote" as const,
      defaultCapacity: 10,
      active: true,
    };
    await updateCourse(db, manager, base);
    const c = await getCourse(db, manager, courseId, NOW);
    expect(c).toMatchObject({ title: base.title, audience: "Agents d'urbanisme", durationHalfDays: 4 });
    const audit = await db.auditEvent.findMany({
      where: { entityType: "TrainingCourse", entityId: courseId },
    });
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(audit[1]!.changes).toMatchObject({
      title: ["Initiation au SIG", base.title],
      durationHalfDays: [2, 4],
      format: ["on_site", "remote"],
    });
    await expect(updateCourse(db, manager, { ...base, title: "ab" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["title"], message: "title_short" })],
    });
    await expect(updateCourse(db, manager, { ...base, durationHalfDays: 0 })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["durationHalfDays"] })],
    });
    await expect(
      updateCourse(db, manager, { ...base, id: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateCourse(db, agents[0]!, base)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("takes a material as a stream, checks its size and content, and serves it only to those who may attend", async () => {
    const upload = (actor: Actor, fileName: string, bytes: Uint8Array, maxBytes?: number) =>
      addMaterial(db, files, actor, { courseId, fileName, label: "", body: chunks(bytes), maxBytes });
    const added = await upload(manager, "Support jour 1.pdf", PDF);
    expect(added).toMatchObject({ label: "Support jour 1.pdf", size: PDF.length });

    // Refusals: a renamed executable, an unknown type, an empty file, too large, an agent.
    await expect(
      upload(manager, "virus.pdf", new TextEncoder().encode("MZ\x90\x00 not a pdf")),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "file", message: "file_type" });
    await expect(upload(manager, "script.exe", PDF)).rejects.toMatchObject({ message: "material_type" });
    await expect(upload(manager, "vide.pdf", new Uint8Array())).rejects.toMatchObject({
      message: "required",
    });
    const big = new Uint8Array(3 * 1024 * 1024);
    big.set(PDF);
    await expect(upload(manager, "gros.pdf", big, 2 * 1024 * 1024)).rejects.toMatchObject({
      message: "file_too_large",
      params: { max: 2 },
    });
    await expect(upload(agents[0]!, "a.pdf", PDF)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Nothing of the refused files was kept, in the database or on disk.
    expect(await db.storedFile.count()).toBe(1);
    const onDisk = await readdir(dir, { recursive: true });
    expect(onDisk.filter((f) => /[0-9a-f-]{36}$/.test(String(f)))).toHaveLength(1);

    // A 20 MB slide deck goes through in chunks.
    const deck = new Uint8Array(20 * 1024 * 1024);
    deck.set(openDocumentHead(SLIDE_TYPES.odp));
    // A zip named .odp that does not say it is a presentation is refused.
    await expect(
      upload(manager, "faux.odp", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14])),
    ).rejects.toMatchObject({
      message: "file_type",
    });
    const slides = await upload(manager, "Diaporama.odp", deck);
    expect(slides.size).toBe(deck.length);

    // Staff and eligible agents download; the outsider's body has neither registration nor convention.
    const back = await readMaterial(db, files, manager, added.id, NOW);
    expect(back).toMatchObject({ name: "Support jour 1.pdf", mimeType: "application/pdf", size: PDF.length });
    expect(Buffer.compare(await readAll(back.stream), Buffer.from(PDF))).toBe(0);
    back.stream.destroy();
    const forAgent = await readMaterial(db, files, agents[1]!, added.id, NOW);
    forAgent.stream.destroy();
    await expect(readMaterial(db, files, outsider, added.id, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const seen = await getCourse(db, outsider, courseId, NOW);
    expect(seen.materials).toEqual([]);
    expect(seen.mayGetMaterials).toBe(false);
    expect((await getCourse(db, agents[0]!, courseId, NOW)).materials).toHaveLength(2);

    // Out of its convention's dates, an agent's body is no longer eligible… unless registered.
    await expect(
      readMaterial(db, files, agents[0]!, added.id, new Date("2027-06-01T09:00:00Z")),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Removal: staff only, bytes gone with the row.
    await expect(removeMaterial(db, files, agents[0]!, { id: slides.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await removeMaterial(db, files, manager, { id: slides.id });
    expect(await db.trainingMaterial.count()).toBe(1);
    await expect(readMaterial(db, files, manager, slides.id, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps a session's history: who did what and when, each partner seeing only their people", async () => {
    const input: SessionInput = {
      courseId,
      slots: [{ date: "2026-03-27", start: "09:00", end: "12:30" }],
      room: "Salle du conseil",
      trainerName: "Odile Formatrice",
      capacity: 1,
    };
    const s = await createSession(db, manager, input, NOW);
    const a = await register(db, agents[0]!, { sessionId: s.id }, NOW);
    const b = await register(db, agents[1]!, { sessionId: s.id }, NOW);
    expect([a.status, b.status]).toEqual(["confirmed", "waitlisted"]);
    await cancelRegistration(db, agents[0]!, a.id, NOW);
    await updateSession(
      db,
      manager,
      { id: s.id, session: { ...input, capacity: 2, room: "Salle des mariages" } },
      NOW,
    );
    const held = new Date("2026-03-27T08:30:00Z");
    const slot = await db.trainingSlot.findFirstOrThrow({ where: { sessionId: s.id } });
    await checkIn(db, agents[1]!, { sessionId: s.id, code: slot.checkInCode }, held);
    await signSheet(db, manager, slot.id, new Date("2026-03-27T11:30:00Z"));
    await certificatePdf(db, null, agents[1]!, b.id, new Date("2026-03-28T08:00:00Z"));
    await certificatePdf(db, null, manager, b.id, new Date("2026-03-28T09:00:00Z"));

    const staff = await sessionHistory(db, manager, { id: s.id });
    expect(staff.map((e) => [e.kind, e.actor, e.person, e.body])).toEqual([
      ["opened", "Chef DSI", null, null],
      ["registered", agents[0]!.name, agents[0]!.name, "Commune d'Amont"],
      ["waitlisted", agents[1]!.name, agents[1]!.name, "Commune de Bief"],
      ["registration_cancelled", agents[0]!.name, agents[0]!.name, "Commune d'Amont"],
      ["promoted", null, agents[1]!.name, "Commune de Bief"],
      ["updated", "Chef DSI", null, null],
      ["checked_in", agents[1]!.name, agents[1]!.name, "Commune de Bief"],
      ["sheet_signed", "Chef DSI", null, null],
      ["certificate_issued", agents[1]!.name, agents[1]!.name, "Commune de Bief"],
    ]);
    expect(staff[0]!.at).toEqual(NOW);
    expect(staff[2]!.data).toEqual({ position: 1 });
    expect(staff[5]!.data).toEqual({
      changes: { capacity: [1, 2], room: ["Salle du conseil", "Salle des mariages"] },
    });
    expect(staff[8]!.data).toMatchObject({ hours: 3.5, halfDays: 1, of: 1 });

    // A partner of body A sees the session's events and their own person's, nothing of body B.
    const partnerA = await sessionHistory(db, agents[0]!, { id: s.id });
    expect(partnerA.map((e) => e.kind)).toEqual([
      "opened",
      "registered",
      "registration_cancelled",
      "updated",
      "sheet_signed",
    ]);
    expect(JSON.stringify(partnerA)).not.toContain("Bief");
    expect(JSON.stringify(partnerA)).not.toContain(agents[1]!.name);
    // The outsider's body may not attend: no session, no history.
    await expect(sessionHistory(db, outsider, { id: s.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      sessionHistory(db, manager, { id: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
