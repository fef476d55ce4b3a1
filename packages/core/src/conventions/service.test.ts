import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { createCalendar } from "../calendars/index.ts";
import { localFileStore, type FileStore } from "../files/index.ts";
import type { Actor } from "../access/index.ts";
import { PRIORITIES, type TermSetInput } from "../terms/index.ts";
import { addConventionDocument, readConventionDocument, removeConventionDocument } from "./documents.ts";
import {
  activateConvention,
  giveNotice,
  renewConvention,
  rollOverConventions,
  terminateConvention,
} from "./lifecycle.ts";
import { conventionsNeedingAttention, getConvention, listConventions, termsOn } from "./queries.ts";
import { resolveTerms } from "./resolve.ts";
import { amendConvention, createConvention, setVersionTerms, signAmendment } from "./service.ts";

const terms = (
  calendarId: string | null,
  intervention: Record<string, number>,
  basis: "clock" | "business" = "business",
): TermSetInput => ({
  calendarId,
  channels: ["portal", "phone"],
  equipmentCovered: "Postes de l'accueil",
  targets: PRIORITIES.map((p) => ({
    priority: p,
    interventionMinutes: intervention[p]! * 60,
    interventionBasis: basis,
    resolutionMinutes: intervention[p]! * 120,
    resolutionBasis: basis,
    warningPercent: 75,
  })),
});

describe("conventions", () => {
  let tdb: TestDatabase;
  let manager: Actor;
  let agentOf: (email: string) => Promise<Actor>;
  let ids: Record<string, string>;
  let files: FileStore;
  let dir: string;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    const db = tdb.prisma();
    await seedDemo(db);
    dir = await mkdtemp(path.join(os.tmpdir(), "mutuo-conv-"));
    files = localFileStore(dir);
    const m = await db.user.findUniqueOrThrow({ where: { email: "manager@val-orlene.example" } });
    manager = { userId: m.id, name: m.name, role: "manager", bodyIds: [], activeBodyId: null };
    agentOf = async (email) => {
      const u = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
      return {
        userId: u.id,
        name: u.name,
        role: "agent",
        bodyIds: u.memberships.map((x) => x.bodyId),
        activeBodyId: null,
      };
    };
    const body = (legalName: string) => db.body.findFirstOrThrow({ where: { legalName } }).then((b) => b.id);
    ids = {
      ccas: await body("CCAS de Bellerive-sur-Orlène"),
      bellerive: await body("Commune de Bellerive-sur-Orlène"),
      gis: (await db.service.findUniqueOrThrow({ where: { code: "SIGMA" } })).id,
    };
  });
  afterAll(async () => {
    await tdb.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("creates a CCAS convention at 12 business hours, amends it to 8 from a later date, and knows the terms of any day", async () => {
    const db = tdb.prisma();
    const cal = await createCalendar(db, manager, {
      name: "Bureaux test",
      weekly: {
        1: [
          { from: "08:30", to: "12:00" },
          { from: "13:30", to: "17:30" },
        ],
        2: [{ from: "08:30", to: "17:30" }],
      },
    });
    const conv = await createConvention(
      db,
      manager,
      {
        title: "Adhésion SIG",
        deliberationRef: "TEST-001-2026/CM",
        signatoryBodyId: ids.ccas!,
        startDate: "2026-01-01",
        endDate: "2028-12-31",
        renewalRule: "tacit",
        renewalYears: 3,
        noticeMonths: 4,
      },
      new Date("2026-01-05T10:00:00Z"),
    );
    expect(conv.number).toMatch(/^CONV-2026-\d{4}$/);
    expect(conv.communeBodyId).toBe(ids.bellerive); // pricing applies per commune
    const [v1] = await db.conventionVersion.findMany({ where: { conventionId: conv.id } });
    await expect(
      setVersionTerms(db, manager, {
        versionId: v1!.id,
        serviceId: ids.gis!,
        terms: terms(null, { critical: 4, high: 12, medium: 24, low: 40 }),
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["terms", "calendarId"] })] });
    await setVersionTerms(db, manager, {
      versionId: v1!.id,
      serviceId: ids.gis!,
      terms: terms(cal.id, { critical: 4, high: 12, medium: 24, low: 40 }),
    });
    await activateConvention(db, manager, conv.id, new Date("2026-01-05T10:00:00Z"));
    await expect(
      setVersionTerms(db, manager, {
        versionId: v1!.id,
        serviceId: ids.gis!,
        terms: terms(cal.id, { critical: 1, high: 1, medium: 1, low: 1 }),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    await expect(
      amendConvention(db, manager, {
        conventionId: conv.id,
        effectiveFrom: "2026-01-01",
        summary: "Trop tôt",
      }),
    ).rejects.toMatchObject({ field: "effectiveFrom" });
    const v2 = await amendConvention(db, manager, {
      conventionId: conv.id,
      effectiveFrom: "2026-06-01",
      summary: "Intervention en 8 h",
      deliberationRef: "TEST-002-2026/CM",
    });
    await expect(
      amendConvention(db, manager, {
        conventionId: conv.id,
        effectiveFrom: "2026-07-01",
        summary: "Deux à la fois",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await setVersionTerms(db, manager, {
      versionId: v2.id,
      serviceId: ids.gis!,
      terms: terms(cal.id, { critical: 4, high: 8, medium: 24, low: 40 }),
    });
    // Unsigned: not yet in force.
    expect(
      (
        await resolveTerms(db, {
          bodyId: ids.ccas!,
          serviceId: ids.gis!,
          priority: "high",
          at: new Date("2026-07-01T10:00:00Z"),
        })
      )?.target.interventionMinutes,
    ).toBe(720);
    await signAmendment(db, manager, v2.id);

    const high = async (iso: string) =>
      (
        await resolveTerms(db, {
          bodyId: ids.ccas!,
          serviceId: ids.gis!,
          priority: "high",
          at: new Date(iso),
        })
      )?.target;
    expect(await high("2026-05-31T21:59:00Z")).toMatchObject({
      interventionMinutes: 720,
      interventionBasis: "business",
    }); // 23:59 Paris, 31 May
    expect(await high("2026-05-31T22:00:00Z")).toMatchObject({ interventionMinutes: 480 }); // 00:00 Paris, 1 June
    // Before the convention: the service's default terms.
    expect(
      await resolveTerms(db, {
        bodyId: ids.ccas!,
        serviceId: ids.gis!,
        priority: "high",
        at: new Date("2025-12-31T12:00:00Z"),
      }),
    ).toMatchObject({ source: "default", conventionId: null });
    const day = await termsOn(db, manager, { conventionId: conv.id, date: "2026-03-15" });
    expect(day.version?.number).toBe(1);
    expect(day.version?.termSets[0]?.targets.find((t) => t.priority === "high")?.interventionMinutes).toBe(
      720,
    );
    expect((await termsOn(db, manager, { conventionId: conv.id, date: "2026-06-01" })).version?.number).toBe(
      2,
    );
    expect((await termsOn(db, manager, { conventionId: conv.id, date: "2025-06-01" })).inForce).toBe(false);

    const page = await getConvention(db, manager, conv.id, new Date("2026-08-01T10:00:00Z"));
    expect(page.versions.map((v) => [v.number, v.effectiveFrom, v.effectiveTo, v.current])).toEqual([
      [1, "2026-01-01", "2026-05-31", false],
      [2, "2026-06-01", null, true],
    ]);
    const history = await db.auditEvent.findMany({ where: { entityId: conv.id } });
    expect(history.length).toBeGreaterThanOrEqual(5);
  });

  it("shows a partner agent their own bodies' conventions only, read-only", async () => {
    const db = tdb.prisma();
    const other = await createConvention(db, manager, {
      title: "Autre",
      deliberationRef: "X-1",
      signatoryBodyId: ids.bellerive!,
      startDate: "2026-01-01",
    });
    const ccasAgent: Actor = {
      userId: "00000000-0000-4000-8000-000000000001",
      name: "Agent CCAS",
      role: "agent",
      bodyIds: [ids.ccas!],
      activeBodyId: null,
    };
    const seen = await listConventions(db, ccasAgent, {});
    expect(seen.items.length).toBeGreaterThan(0);
    expect(seen.items.every((c) => c.signatory.id === ids.ccas)).toBe(true);
    await expect(getConvention(db, ccasAgent, other.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      termsOn(db, ccasAgent, { conventionId: other.id, date: "2026-03-01" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const mine = await getConvention(db, ccasAgent, seen.items[0]!.id);
    expect(mine.canManage).toBe(false);
    expect(mine.actions).toEqual([]);
    await expect(
      createConvention(db, ccasAgent, {
        title: "x",
        deliberationRef: "x",
        signatoryBodyId: ids.ccas!,
        startDate: "2026-01-01",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const bellerive = await agentOf("agent@bellerive.example");
    const theirs = (await listConventions(db, bellerive, {})).items;
    expect(theirs.map((c) => c.id)).toContain(other.id);
    expect(theirs.every((c) => c.signatory.id === ids.bellerive)).toBe(true);
  });

  it("gives notice 4 months ahead, terminates at the end of notice, renews, expires", async () => {
    const db = tdb.prisma();
    const cal = (await db.businessCalendar.findFirstOrThrow()).id;
    const make = async (extra: Partial<Parameters<typeof createConvention>[2]> = {}) => {
      const c = await createConvention(db, manager, {
        title: "Cycle",
        deliberationRef: "CYC-1",
        signatoryBodyId: ids.bellerive!,
        startDate: "2024-01-01",
        endDate: "2025-12-31",
        noticeMonths: 4,
        ...extra,
      });
      const v1 = await db.conventionVersion.findFirstOrThrow({ where: { conventionId: c.id } });
      await setVersionTerms(db, manager, {
        versionId: v1.id,
        serviceId: ids.gis!,
        terms: terms(cal, { critical: 4, high: 12, medium: 24, low: 40 }),
      });
      return activateConvention(db, manager, c.id);
    };
    const a = await make();
    const noticed = await giveNotice(db, manager, {
      conventionId: a.id,
      noticeDate: "2025-03-10",
      givenBy: "partner",
      note: "Lettre recommandée",
    });
    expect(noticed.status).toBe("notice_given");
    expect(noticed.noticeEffectiveOn?.toISOString().slice(0, 10)).toBe("2025-07-10");
    await expect(
      giveNotice(db, manager, { conventionId: a.id, noticeDate: "2025-03-11", givenBy: "partner" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const b = await make({ renewalRule: "tacit", renewalYears: 2 });
    const c = await make({ renewalRule: "explicit" });
    const first = await rollOverConventions(db, new Date("2026-02-01T12:00:00Z"));
    expect(first.changed).toBeGreaterThanOrEqual(3);
    expect(await rollOverConventions(db, new Date("2026-02-01T12:00:00Z"))).toEqual({ changed: 0 }); // idempotent
    const status = async (id: string) => db.convention.findUniqueOrThrow({ where: { id } });
    expect((await status(a.id)).status).toBe("terminated");
    expect((await status(a.id)).terminatedOn?.toISOString().slice(0, 10)).toBe("2025-07-10");
    expect((await status(b.id)).status).toBe("active");
    expect((await status(b.id)).endDate?.toISOString().slice(0, 10)).toBe("2027-12-31");
    expect((await status(c.id)).status).toBe("expired");
    await expect(
      renewConvention(db, manager, { conventionId: c.id, newEndDate: "2025-06-30" }),
    ).rejects.toMatchObject({ field: "newEndDate" });
    expect(
      (await renewConvention(db, manager, { conventionId: c.id, newEndDate: "2028-12-31" })).status,
    ).toBe("active");
    const attention = await conventionsNeedingAttention(db, manager, 180, new Date("2027-07-01T10:00:00Z"));
    expect(attention.map((x) => [x.id, x.attention?.kind])).toContainEqual([b.id, "notice_deadline"]);
    await terminateConvention(db, manager, {
      conventionId: b.id,
      terminatedOn: "2027-09-01",
      reason: "Accord des parties",
    });
    expect((await status(b.id)).status).toBe("terminated");
  });

  it("attaches signed documents with type and size checks, readable only by those who see the convention", async () => {
    const db = tdb.prisma();
    const conv = await db.convention.findFirstOrThrow({ where: { signatoryBodyId: ids.ccas } });
    const pdf = Buffer.from("%PDF-1.7\n%fake but well-formed header\n").toString("base64");
    await expect(
      addConventionDocument(db, files, manager, {
        conventionId: conv.id,
        label: "Convention signée",
        fileName: "conv.pdf",
        mimeType: "application/pdf",
        contentBase64: Buffer.from("MZ executable").toString("base64"),
      }),
    ).rejects.toMatchObject({ field: "file" });
    await expect(
      addConventionDocument(db, files, manager, {
        conventionId: conv.id,
        label: "x",
        fileName: "x.exe",
        mimeType: "application/x-msdownload" as "application/pdf",
        contentBase64: pdf,
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["mimeType"] })] });
    const doc = await addConventionDocument(db, files, manager, {
      conventionId: conv.id,
      label: "Convention signée",
      fileName: "conv.pdf",
      mimeType: "application/pdf",
      contentBase64: pdf,
    });
    const ccasAgent: Actor = {
      userId: "00000000-0000-4000-8000-000000000001",
      name: "Agent CCAS",
      role: "agent",
      bodyIds: [ids.ccas!],
      activeBodyId: null,
    };
    expect(
      Buffer.from((await readConventionDocument(db, files, ccasAgent, doc.id)).bytes).toString("base64"),
    ).toBe(pdf);
    await expect(
      readConventionDocument(db, files, await agentOf("agent@bellerive.example"), doc.id),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await removeConventionDocument(db, files, manager, doc.id);
    expect(await db.storedFile.count()).toBe(0);
  });
});
