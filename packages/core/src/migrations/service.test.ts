import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Actor } from "../access/index.ts";
import { pdfText } from "../documents/index.ts";
import { localFileStore, type StreamingFileStore } from "../files/index.ts";
import { billableMigrationActivities } from "./billable.ts";
import { executeRun } from "./engine.ts";
import { acceptanceReport } from "./report.ts";
import { errorReport, getJob, jobProgress, listJobs, runErrors, stagingView } from "./queries.ts";
import { readRows } from "./reader.ts";
import { stagingSchema } from "./rules.ts";
import { tenantFile } from "./samples.ts";
import { seedMigrationDemo } from "./demo.ts";
import { cancelRun, closeJob, createJob, receiveFile, setMapping, signOff, startRun } from "./service.ts";
import { stagingExists } from "./staging.ts";

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
const stream = (s: string | Buffer) => Readable.from([typeof s === "string" ? Buffer.from(s) : s]);
const text = async (r: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), "mutuo-mig-"));
  files = localFileStore(dir);
  await seedDemo(tdb.prisma(), NOW);
  expect(await seedMigrationDemo(tdb.prisma(), files, NOW)).toBe(true);
}, 120_000);
afterAll(async () => {
  await tdb.drop();
  await rm(dir, { recursive: true, force: true });
});

describe("demo jobs", () => {
  it("has a job done, one awaiting sign-off and one with a few dozen errors", async () => {
    const tech = await actor("tech@val-orlene.example");
    const list = await listJobs(tdb.prisma(), tech, {}, NOW);
    expect(list.items.map((j) => j.status).sort()).toEqual(["checked", "done", "test_loaded"]);
    const checked = list.items.find((j) => j.status === "checked")!;
    const job = await getJob(tdb.prisma(), tech, { id: checked.id }, NOW);
    const run = job.runs[0]!;
    expect(run.rowsRead).toBe(200);
    expect(run.rowsInvalid).toBeGreaterThan(20);
    expect(run.duplicateKeys).toBeGreaterThan(0);
    const errors = await runErrors(tdb.prisma(), tech, { runId: run.id, limit: 200 });
    expect(errors.items[0]).toMatchObject({
      line: 7,
      column: "Numéro",
      value: "12 bis",
      rule: "Nombre entier attendu",
    });
    // Billing sees the job done, by rows.
    const done = list.items.find((j) => j.status === "done")!;
    const bodyId = (await tdb.prisma().migrationJob.findUniqueOrThrow({ where: { id: done.id } })).bodyId;
    const billable = await billableMigrationActivities(tdb.prisma(), {
      bodyIds: [bodyId],
      from: "2026-01-01",
      to: "2026-12-31",
    });
    expect(billable).toMatchObject([{ kind: "migration_job", unit: "row", quantity: 120, rows: 120 }]);
  });

  it("hides a body's jobs from another body's agent", async () => {
    const agentB = await actor("agent@bellerive.example");
    const list = await listJobs(tdb.prisma(), agentB, {}, NOW);
    expect(list.items).toHaveLength(1);
    const other = await tdb.prisma().migrationJob.findFirstOrThrow({ where: { status: "done" } });
    await expect(getJob(tdb.prisma(), agentB, { id: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(acceptanceReport(tdb.prisma(), agentB, { id: other.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("the pipeline", () => {
  it("checks, reports errors in French, re-runs identically, test-loads, signs off", async () => {
    const db = tdb.prisma();
    const tech = await actor("tech@val-orlene.example");
    const agent = await actor("agent@saint-aubin.example");
    const template = await db.migrationTemplate.findFirstOrThrow({ where: { name: "Locataires" } });
    const job = await createJob(
      db,
      tech,
      {
        bodyId: agent.bodyIds[0]!,
        serviceId: template.serviceId,
        templateId: template.id,
        title: "Test",
        ownerId: tech.userId,
      },
      NOW,
    );
    // Bad inputs: empty, no header row, a ZIP that is no workbook.
    await expect(
      receiveFile(db, files, agent, { jobId: job.id, name: "vide.csv", body: stream("") }),
    ).rejects.toMatchObject({ message: "migration_empty_file" });
    await expect(
      receiveFile(db, files, agent, { jobId: job.id, name: "x.csv", body: stream("12;13/01/2020;a@b.fr\n") }),
    ).rejects.toMatchObject({ message: "migration_no_header" });
    await expect(
      receiveFile(db, files, agent, {
        jobId: job.id,
        name: "x.xlsx",
        body: stream(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
      }),
    ).rejects.toMatchObject({ message: "migration_not_xlsx" });
    await expect(
      receiveFile(db, files, agent, {
        jobId: job.id,
        name: "gros.csv",
        body: stream("a;b\n1;2\n"),
        maxBytes: 4,
      }),
    ).rejects.toMatchObject({ message: "migration_file_too_large" });

    const f = await receiveFile(
      db,
      files,
      agent,
      { jobId: job.id, name: "loc.csv", body: stream(iconv.encode(tenantFile(60, 10), "win1252")) },
      NOW,
    );
    expect(f).toMatchObject({ encoding: "windows-1252", delimiter: ";" });
    const page = await getJob(db, tech, { id: job.id });
    expect(Object.keys(page.mapping).length).toBeGreaterThanOrEqual(11);
    // A mapping missing a required column is refused before any run.
    const { nom: _nom, ...partial } = page.mapping;
    await setMapping(db, tech, { id: job.id, mapping: partial, badRowPolicy: "all_or_nothing" });
    await expect(startRun(db, tech, { id: job.id }, "check", enqueue)).rejects.toMatchObject({
      message: "migration_missing_required",
    });
    await setMapping(db, tech, {
      id: job.id,
      mapping: { ...page.mapping, code_postal: "CP", telephone: "Tél.", date_naissance: "Né(e) le" },
      badRowPolicy: "all_or_nothing",
    });

    const first = await startRun(db, tech, { id: job.id }, "check", enqueue, NOW);
    expect(await executeRun({ db, files, now: () => NOW }, first.runId)).toBe("done");
    const progress = await jobProgress(db, agent, { id: job.id });
    expect(progress).toMatchObject({
      status: "checked",
      run: { rowsRead: 60, rowsInvalid: 6, rowsValid: 54, percent: 100 },
    });
    const errs = await runErrors(db, agent, { runId: first.runId });
    // Line 12: the first row has an address on two lines (a quoted line break).
    expect(errs.items[0]).toMatchObject({
      line: 12,
      column: "Date d'entrée",
      value: "31/02/2021",
      rule: "Date invalide (format attendu jj/mm/aaaa)",
    });
    const csv = (await text((await errorReport(db, agent, { runId: first.runId }, "csv")).stream)).toString(
      "utf8",
    );
    expect(csv).toContain("Ligne;Colonne;Valeur;Règle non respectée;Ligne d'origine");
    expect(csv).toContain("12;Date d'entrée;31/02/2021;Date invalide (format attendu jj/mm/aaaa)");
    const xlsx = await text((await errorReport(db, agent, { runId: first.runId }, "xlsx")).stream);
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
    // Same file and mapping: the same report.
    const again = await startRun(db, tech, { id: job.id }, "check", enqueue, NOW);
    await executeRun({ db, files, now: () => NOW }, again.runId);
    const strip = (items: { line: number; column: string; value: string; rule: string; raw: string }[]) =>
      items.map(({ line, column, value, rule, raw }) => ({ line, column, value, rule, raw }));
    expect(strip((await runErrors(db, tech, { runId: again.runId })).items)).toEqual(strip(errs.items));
    // All or nothing: no test load with bad rows.
    await expect(startRun(db, tech, { id: job.id }, "test_load", enqueue)).rejects.toMatchObject({
      message: "migration_bad_rows_block",
    });

    // The agent sends a fixed file; the check is clean; the test load fills staging.
    await receiveFile(
      db,
      files,
      agent,
      { jobId: job.id, name: "loc-corrige.csv", body: stream(iconv.encode(tenantFile(60), "win1252")) },
      NOW,
    );
    const clean = await startRun(db, tech, { id: job.id }, "check", enqueue, NOW);
    await executeRun({ db, files, now: () => NOW }, clean.runId);
    expect(await jobProgress(db, tech, { id: job.id })).toMatchObject({
      run: { rowsValid: 60, rowsInvalid: 0 },
    });
    const load = await startRun(db, tech, { id: job.id }, "test_load", enqueue, NOW);
    await executeRun({ db, files, now: () => NOW }, load.runId);
    const staging = await stagingView(db, agent, { id: job.id, limit: 5 });
    expect(staging?.total).toBe(60);
    expect(staging?.sample[0]?.values.slice(0, 3)).toEqual(["LOC-0000001", "GARNIER", "Élise"]);
    expect(staging?.columns.find((c) => c.name === "date_sortie")?.filled).toBe(7);

    // Only an agent of the body signs off; the PDF shows it.
    await expect(signOff(db, tech, { id: job.id }, { ip: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const signed = await signOff(db, agent, { id: job.id }, { ip: "203.0.113.5" }, NOW);
    expect(signed.sha256).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await pdfText((await acceptanceReport(db, agent, { id: job.id })).bytes);
    expect(pdf).toContain("Procès-verbal de recette");
    expect(pdf).toContain(agent.name);
    expect(pdf).toContain(signed.sha256);

    // Cancelling the job drops its staging.
    await closeJob(db, tech, { id: job.id, reason: "Abandon du projet" }, "cancelled");
    expect(await stagingExists(db, stagingSchema(job.id))).toBe(false);
  });

  it("stops a cancelled run without staging, and resumes an interrupted one from its checkpoint", async () => {
    const db = tdb.prisma();
    const tech = await actor("tech@val-orlene.example");
    const agent = await actor("agent@saint-aubin.example");
    const template = await db.migrationTemplate.findFirstOrThrow({ where: { name: "Locataires" } });
    const job = await createJob(
      db,
      tech,
      {
        bodyId: agent.bodyIds[0]!,
        serviceId: template.serviceId,
        templateId: template.id,
        title: "Gros",
        ownerId: tech.userId,
      },
      NOW,
    );
    await receiveFile(
      db,
      files,
      agent,
      { jobId: job.id, name: "loc.csv", body: stream(iconv.encode(tenantFile(30_000, 100), "win1252")) },
      NOW,
    );
    const proposed = (await getJob(db, tech, { id: job.id })).mapping;
    await setMapping(db, tech, {
      id: job.id,
      mapping: { ...proposed, code_postal: "CP" },
      badRowPolicy: "all_or_nothing",
    });
    const check = await startRun(db, tech, { id: job.id }, "check", enqueue, NOW);
    // A worker that died after writing a checkpoint: resumed, the report is the same as one pass.
    const whole = await startRun(db, tech, { id: job.id }, "check", enqueue, NOW).catch((e: unknown) => e);
    expect(whole).toMatchObject({ message: "migration_run_in_progress" });
    await db.migrationRun.update({
      where: { id: check.runId },
      data: { status: "running", progressAt: new Date(Date.now() - 60_000) },
    });
    const done = await executeRun({ db, files, now: () => NOW }, check.runId);
    expect(done).toBe("done");
    const r1 = await db.migrationRun.findUniqueOrThrow({ where: { id: check.runId } });
    expect(r1).toMatchObject({ rowsRead: 30_000, rowsInvalid: 300, duplicateKeys: 0 });
    // Simulate a crash at line 15000: rewind the checkpoint and the counts, then resume.
    const before = await db.migrationRowError.count({ where: { runId: check.runId } });
    const half = (
      await db.migrationRowError.findMany({
        where: { runId: check.runId, line: { lte: 15_000 } },
        distinct: ["line"],
        select: { line: true },
      })
    ).length;
    const file = await db.migrationFile.findFirstOrThrow({ where: { jobId: job.id } });
    let read = -1; // the header row
    for await (const row of readRows(files, file.storageKey, {
      format: "csv",
      encoding: "windows-1252",
      delimiter: ";",
    }))
      if (row.line <= 15_000) read++;
    await db.migrationRun.update({
      where: { id: check.runId },
      data: {
        status: "running",
        progressAt: new Date(Date.now() - 60_000),
        checkpointLine: 15_000,
        rowsRead: read,
        rowsInvalid: half,
        rowsValid: read - half,
      },
    });
    expect(await executeRun({ db, files, now: () => NOW }, check.runId)).toBe("done");
    expect(await db.migrationRowError.count({ where: { runId: check.runId } })).toBe(before);
    expect(await db.migrationRun.findUniqueOrThrow({ where: { id: check.runId } })).toMatchObject({
      rowsRead: 30_000,
      rowsInvalid: 300,
      rowsValid: 29_700,
    });

    // A test load cancelled while running leaves no staging.
    await setMapping(db, tech, {
      id: job.id,
      mapping: (await getJob(db, tech, { id: job.id })).mapping,
      badRowPolicy: "load_valid",
    });
    const c2 = await startRun(db, tech, { id: job.id }, "check", enqueue, NOW);
    await executeRun({ db, files, now: () => NOW }, c2.runId);
    const load = await startRun(db, tech, { id: job.id }, "test_load", enqueue, NOW);
    const running = executeRun({ db, files, now: () => NOW }, load.runId);
    // Cancelled as soon as the worker has taken it (the run streams fast: a fixed wait could see it done).
    while ((await db.migrationRun.findUniqueOrThrow({ where: { id: load.runId } })).status !== "running")
      await new Promise((r) => setTimeout(r, 5));
    await cancelRun(db, tech, load.runId);
    expect(await running).toBe("cancelled");
    expect(await stagingExists(db, stagingSchema(job.id))).toBe(false);
  }, 120_000);
});
