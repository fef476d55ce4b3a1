// Target templates edited by an administrator, and the technician's override of how a received CSV
// file is read (encoding, delimiter), on a real PostgreSQL.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Actor } from "../access/index.ts";
import { localFileStore, type StreamingFileStore } from "../files/index.ts";
import { executeRun } from "./engine.ts";
import { getJob, listTemplates, runErrors, stagingView } from "./queries.ts";
import { TENANT_COLUMNS, TENANT_RULES, tenantFile } from "./samples.ts";
import {
  createJob,
  createTemplate,
  receiveFile,
  setFileSettings,
  setMapping,
  startRun,
  updateTemplate,
} from "./service.ts";

const NOW = new Date("2026-11-20T10:00:00Z");
let tdb: TestDatabase;
let dir: string;
let files: StreamingFileStore;
const enqueue = async () => undefined;

async function actor(email: string): Promise<Actor> {
  const u = await tdb.prisma().user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  return {
    userId: u.id,
    name: u.name,
    role: u.role,
    bodyIds: u.memberships.map((m) => m.bodyId),
    activeBodyId: null,
  };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), "mutuo-mig-admin-"));
  files = localFileStore(dir);
  await seedDemo(tdb.prisma(), NOW);
}, 120_000);
afterAll(async () => {
  await tdb.drop();
  await rm(dir, { recursive: true, force: true });
});

describe("target templates", () => {
  it("are created and edited by an administrator only, with field-named errors", async () => {
    const db = tdb.prisma();
    const admin = await actor("admin@val-orlene.example");
    const tech = await actor("tech@val-orlene.example");
    const services = await db.service.findMany({ orderBy: { code: "asc" }, take: 2 });
    const [s1, s2] = services.map((s) => s.id) as [string, string];
    const base = {
      serviceId: s1,
      name: "Usagers",
      columns: [{ name: "nom", label: "Nom", type: "text" as const }],
    };
    await expect(createTemplate(db, tech, base)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const a = await createTemplate(db, admin, base);
    const b = await createTemplate(db, admin, { ...base, name: "Agents" });
    await expect(createTemplate(db, admin, base)).rejects.toMatchObject({
      message: "migration_template_exists",
      field: "name",
    });
    // Columns edited: a typed, required column and an enum; the list shows them.
    await updateTemplate(db, admin, {
      id: a.id,
      template: {
        ...base,
        columns: [
          { name: "nom", label: "Nom de famille", type: "text", required: true, maxLength: 60 },
          { name: "statut", label: "Statut", type: "enum", required: false, values: ["actif", "parti"] },
          { name: "arrivee", label: "Arrivée", type: "date", required: false },
          { name: "depart", label: "Départ", type: "date", required: false },
        ],
        crossRules: [{ kind: "date_order", from: "arrivee", to: "depart" }],
      },
    });
    const listed = (await listTemplates(db, tech, { serviceId: s1 })).find((t) => t.id === a.id)!;
    expect(listed.columns.map((c) => c.label)).toEqual(["Nom de famille", "Statut", "Arrivée", "Départ"]);
    expect(listed.crossRules).toEqual([{ kind: "date_order", from: "arrivee", to: "depart" }]);
    // Renaming onto another template's name is a conflict on « name », not a database error.
    await expect(
      updateTemplate(db, admin, { id: a.id, template: { ...base, name: "Agents" } }),
    ).rejects.toMatchObject({ message: "migration_template_exists", field: "name" });
    // Bad columns: the error names the column's field.
    const bad = (await updateTemplate(db, admin, {
      id: b.id,
      template: {
        ...base,
        name: "Agents",
        columns: [
          { name: "nom", label: "Nom", type: "text" },
          { name: "Nom Complet", label: "", type: "enum" },
        ],
      },
    }).catch((e: unknown) => e)) as { issues: { path: PropertyKey[]; message: string }[] };
    expect(bad.issues.map((i) => [i.path.join("."), i.message])).toEqual(
      expect.arrayContaining([
        ["template.columns.1.name", "migration_column_name"],
        ["template.columns.1.label", "required"],
        ["template.columns.1.values", "required"],
      ]),
    );
    // A template used by a job keeps its service.
    const agent = await actor("agent@saint-aubin.example");
    const pelehas = await db.service.findUniqueOrThrow({ where: { code: "PELEHAS" } });
    const used = await createTemplate(db, admin, {
      serviceId: pelehas.id,
      name: "Locataires",
      columns: TENANT_COLUMNS,
    });
    await createJob(
      db,
      tech,
      {
        bodyId: agent.bodyIds[0]!,
        serviceId: pelehas.id,
        templateId: used.id,
        title: "Reprise",
        ownerId: tech.userId,
      },
      NOW,
    );
    await expect(
      updateTemplate(db, admin, {
        id: used.id,
        template: { serviceId: pelehas.id === s2 ? s1 : s2, name: "Locataires", columns: TENANT_COLUMNS },
      }),
    ).rejects.toMatchObject({ message: "migration_template_in_use", field: "serviceId" });
  });
});

describe("reading a received file", () => {
  it("lets the technician override the detected encoding and delimiter; the check reads it that way", async () => {
    const db = tdb.prisma();
    const admin = await actor("admin@val-orlene.example");
    const tech = await actor("tech@val-orlene.example");
    const agent = await actor("agent@saint-aubin.example");
    const other = await actor("agent@bellerive.example");
    const pelehas = await db.service.findUniqueOrThrow({ where: { code: "PELEHAS" } });
    const template = await createTemplate(db, admin, {
      serviceId: pelehas.id,
      name: "Locataires (lecture)",
      columns: TENANT_COLUMNS,
      crossRules: TENANT_RULES,
    });
    const job = await createJob(
      db,
      tech,
      {
        bodyId: agent.bodyIds[0]!,
        serviceId: pelehas.id,
        templateId: template.id,
        title: "Lecture",
        ownerId: tech.userId,
      },
      NOW,
    );
    const f = await receiveFile(
      db,
      files,
      agent,
      {
        jobId: job.id,
        name: "loc.csv",
        body: Readable.from([iconv.encode(tenantFile(40, 10), "win1252")]),
      },
      NOW,
    );
    expect(f).toMatchObject({ encoding: "windows-1252", delimiter: ";" });
    const mapped = (await getJob(db, tech, { id: job.id })).mapping;
    await setMapping(db, tech, {
      id: job.id,
      mapping: { ...mapped, code_postal: "CP" },
      badRowPolicy: "load_valid",
    });
    const check = async () => {
      const { runId } = await startRun(db, tech, { id: job.id }, "check", enqueue, NOW);
      expect(await executeRun({ db, files, now: () => NOW }, runId)).toBe("done");
      return runErrors(db, tech, { runId, limit: 50 });
    };
    const right = await check();
    expect(right.items[0]!.raw).toContain("Loïc");

    // Agents cannot change how the file is read; a wrong delimiter gives one column, nothing maps.
    await expect(setFileSettings(db, files, agent, { fileId: f.id, delimiter: "," })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(setFileSettings(db, files, other, { fileId: f.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const comma = await setFileSettings(db, files, tech, { fileId: f.id, delimiter: "," }, NOW);
    expect(comma.headers).toHaveLength(1);
    const job1 = await getJob(db, tech, { id: job.id });
    expect(job1.status).toBe("files_received");
    await expect(startRun(db, tech, { id: job.id }, "check", enqueue, NOW)).rejects.toMatchObject({
      message: "migration_missing_required",
    });

    // Back to « ; » but read as UTF-8: the accents are lost, and the check reads them so.
    const utf8 = await setFileSettings(
      db,
      files,
      tech,
      { fileId: f.id, delimiter: ";", encoding: "utf-8" },
      NOW,
    );
    expect(utf8.headers).toHaveLength(14);
    expect(utf8.headers[2]).toBe("Pr\uFFFDnom");
    await setMapping(db, tech, {
      id: job.id,
      mapping: { ...(await getJob(db, tech, { id: job.id })).mapping, code_postal: "CP" },
      badRowPolicy: "load_valid",
    });
    const wrong = await check();
    expect(wrong.items[0]!.raw).toContain("Lo\uFFFDc");
    // A check made with one reading does not allow a test load once the reading changed.
    await setFileSettings(db, files, tech, { fileId: f.id, encoding: "windows-1252" }, NOW);
    await setMapping(db, tech, {
      id: job.id,
      mapping: { ...(await getJob(db, tech, { id: job.id })).mapping, code_postal: "CP" },
      badRowPolicy: "load_valid",
    });
    expect((await getJob(db, tech, { id: job.id })).status).toBe("files_received");
    const file = await db.migrationFile.findUniqueOrThrow({ where: { id: f.id } });
    expect(file).toMatchObject({ encoding: "windows-1252", delimiter: ";" });
    expect((await check()).items[0]!.raw).toContain("Loïc");
    // With an external key, loading again updates the staged rows instead of duplicating them.
    await setMapping(db, tech, {
      id: job.id,
      mapping: (await getJob(db, tech, { id: job.id })).mapping,
      badRowPolicy: "load_valid",
      externalKey: "reference",
    });
    const counts = await check();
    expect(counts.items.length).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++) {
      const { runId } = await startRun(db, tech, { id: job.id }, "test_load", enqueue, NOW);
      expect(await executeRun({ db, files, now: () => NOW }, runId)).toBe("done");
      const staged = await stagingView(db, tech, { id: job.id, limit: 5 });
      expect(staged?.total).toBe(36);
      expect(staged?.sample[0]?.values[2]).toBe("Élise");
    }
    const events = await db.migrationEvent.findMany({ where: { jobId: job.id, kind: "file_settings" } });
    expect(events.map((e) => e.note)).toEqual([
      "loc.csv : windows-1252, « , »",
      "loc.csv : utf-8, « ; »",
      "loc.csv : windows-1252, « ; »",
    ]);
  });
});
