// Background exports end to end on a test database: asked for on the web side, built by the job (by
// keyset batches, with its progress), the file read back, the e-mail queued once however many times
// the job runs, the requester alone able to download, failures told in French, expired files removed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { seedDemoHistory } from "../demo/index.ts";
import { localFileStore, type StreamingFileStore } from "../files/index.ts";
import { actorByEmail } from "../identity/index.ts";
import type { JobContext } from "../jobs/define.ts";
import { runJob } from "../jobs/run.ts";
import { render } from "../notifications/index.ts";
import {
  BREACHES_TITLE,
  buildExport,
  cleanupExports,
  exportPlan,
  getExport,
  listExports,
  readExportFile,
  readReport,
  refreshRollup,
  reportExportJob,
  requestExport,
} from "./index.ts";
import { monthOfInstant, periodOf } from "./rules.ts";

const read = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe("background report exports", () => {
  let tdb: TestDatabase;
  let files: StreamingFileStore;
  const now = new Date();
  const year = { kind: "year" as const, month: monthOfInstant(now) };
  const logs: { level: string; message: string }[] = [];
  let ctx: JobContext;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
    files = localFileStore(fs.mkdtempSync(path.join(os.tmpdir(), "mutuo-exports-")));
    await seedDemoHistory(tdb.prisma(), files, { baseUrl: "http://mutuo.test", now, target: 600 });
    await refreshRollup(tdb.prisma(), now);
    ctx = {
      db: tdb.prisma(),
      mailer: { send: async () => undefined },
      log: {
        info: (message) => logs.push({ level: "info", message }),
        error: (message) => logs.push({ level: "error", message }),
      },
      now: () => now,
      files,
    };
  }, 180_000);
  afterAll(async () => tdb.drop());

  /** Breached tickets of the year, counted directly on the tickets. */
  async function breachedTickets(bodyId?: string) {
    const p = periodOf("year", year.month);
    const [r] = await tdb.prisma().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "Ticket" WHERE "receivedAt" >= $1 AND "receivedAt" < $2
        AND ((COALESCE("interventionAt", "resolvedAt") > "interventionDueAt"
          OR (COALESCE("interventionAt", "resolvedAt") IS NULL AND "interventionDueAt" < $3)
          OR ("interventionDueAt" IS NULL AND "interventionState" = 'breached'))
        OR ("resolvedAt" > "resolutionDueAt" OR ("resolvedAt" IS NULL AND "resolutionDueAt" < $3)
          OR ("resolutionDueAt" IS NULL AND "resolutionState" = 'breached')))
        ${bodyId ? `AND "bodyId" = '${bodyId}'` : ""}`,
      p.start,
      p.end,
      now,
    );
    return r!.n;
  }

  const queued: string[] = [];
  const enqueue = async (id: string) => void queued.push(id);

  it("tells a small period from a large one, with the number of tickets of the report", async () => {
    const db = tdb.prisma();
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    const plan = await exportPlan(db, manager, { reportId: "sla", period: year, filters: {} });
    const data = await readReport(db, manager, { reportId: "sla", period: year, filters: {} }, now);
    expect(plan.tickets).toBe(data.kpis.find((k) => k.id === "tickets")!.value);
    expect(plan).toMatchObject({ mode: "direct" });
    expect(await exportPlan(db, manager, { reportId: "training", period: year, filters: {} })).toEqual({
      tickets: 0,
      mode: "direct",
    });
  });

  it("builds a CSV by batches, with every breached ticket, and e-mails the requester once", async () => {
    const db = tdb.prisma();
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    const { id } = await requestExport(
      db,
      manager,
      { reportId: "sla", period: year, filters: {}, format: "csv" },
      enqueue,
      now,
    );
    expect(queued).toContain(id);
    expect(await getExport(db, manager, { id }, now)).toMatchObject({ status: "queued", progress: 0 });

    // Two workers take the same job at once, then a retry comes: one build, one e-mail.
    const run = () => runJob(reportExportJob, { exportId: id }, ctx);
    await Promise.all([run(), run()]);
    await run();
    const done = await getExport(db, manager, { id }, now);
    const total = await breachedTickets();
    expect(total).toBeGreaterThan(20);
    expect(done).toMatchObject({ status: "done", progress: 100, rowsDone: total, rowsTotal: total });
    expect(await db.storedFile.count({ where: { reportExport: { id } } })).toBe(1);

    const file = await readExportFile(db, files, manager, id, now);
    expect(file.mimeType).toBe("text/csv; charset=utf-8");
    const csv = (await read(file.stream)).toString("utf8");
    const lines = csv.split("\r\n");
    const head = lines.indexOf(BREACHES_TITLE);
    expect(head).toBeGreaterThan(0);
    expect(lines[head + 1]).toMatch(/^Ticket;Objet;Organisme;/);
    expect(lines.slice(head + 2).filter((l) => /^SOS-/.test(l))).toHaveLength(total);

    const mails = await db.outboxMessage.findMany({ where: { dedupKey: `report-export:${id}` } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      template: "report.export-ready",
      toEmail: "manager@val-orlene.example",
    });
    const text = render(mails[0]!, "http://mutuo.test");
    expect(text.subject).toMatch(/^Votre export est prêt : Rapport SLA — \d{4}$/);
    expect(text.text).toContain(`http://mutuo.test/rapports/exports#export-${id}`);
  });

  it("reads the tickets by keyset in small batches, reporting its progress on each", async () => {
    const db = tdb.prisma();
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    const { id } = await requestExport(
      db,
      manager,
      { reportId: "sla", period: year, filters: {}, format: "xlsx" },
      enqueue,
      now,
    );
    const seen: number[] = [];
    const watching = setInterval(() => {
      void db.reportExport
        .findUnique({ where: { id }, select: { progress: true } })
        .then((r) => r && seen.push(r.progress));
    }, 5);
    expect(await buildExport({ db, files, now: () => now, batch: 7 }, id)).toBe("done");
    clearInterval(watching);
    const total = await breachedTickets();
    expect(await getExport(db, manager, { id }, now)).toMatchObject({ status: "done", rowsDone: total });
    // Progress only grows.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await read((await readExportFile(db, files, manager, id, now)).stream)) as never);
    const sheet = wb.getWorksheet(BREACHES_TITLE)!;
    expect(sheet.rowCount).toBe(total + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe("Ticket");
    expect(wb.getWorksheet("Par mois")).toBeDefined();
  });

  it("limits an agent's export to their body; nobody else sees or downloads it", async () => {
    const db = tdb.prisma();
    const agent = (await actorByEmail(db, "agent@bellerive.example"))!;
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    const other = (await actorByEmail(db, "agent@saint-aubin.example"))!;
    // Another body: as if it did not exist.
    await expect(
      requestExport(
        db,
        agent,
        { reportId: "sla", period: year, filters: { body: other.bodyIds[0]! }, format: "csv" },
        enqueue,
        now,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "report_unknown_body" });
    // A period ending before it starts.
    await expect(
      requestExport(
        db,
        agent,
        {
          reportId: "sla",
          period: { kind: "custom", from: "2026-06", to: "2026-03" },
          filters: {},
          format: "csv",
        },
        enqueue,
        now,
      ),
    ).rejects.toMatchObject({ message: "report_period_order" });
    const { id } = await requestExport(
      db,
      agent,
      { reportId: "sla", period: year, filters: {}, format: "csv" },
      enqueue,
      now,
    );
    await runJob(reportExportJob, { exportId: id }, ctx);
    const csv = (await read((await readExportFile(db, files, agent, id, now)).stream)).toString("utf8");
    const lines = csv.split("\r\n");
    const rows = lines.slice(lines.indexOf(BREACHES_TITLE) + 2).filter((l) => /^SOS-/.test(l));
    expect(rows).toHaveLength(await breachedTickets(agent.bodyIds[0]));
    expect(rows.every((l) => l.includes("Bellerive"))).toBe(true);

    for (const someone of [manager, other]) {
      await expect(readExportFile(db, files, someone, id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getExport(db, someone, { id }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await listExports(db, someone, {}, now)).items.map((e) => e.id)).not.toContain(id);
    }
    expect((await listExports(db, agent, {}, now)).items.map((e) => e.id)).toEqual([id]);
    // Once the agent no longer sees every body the export covers, it is gone for them too.
    await db.reportExport.update({ where: { id }, data: { scopeBodyIds: [other.bodyIds[0]!] } });
    await expect(readExportFile(db, files, agent, id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getExport(db, agent, { id }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listExports(db, agent, {}, now)).items).toEqual([]);
  });

  it("marks a build that cannot be done as failed, in French, and reports it like other job failures", async () => {
    const db = tdb.prisma();
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    const { id } = await requestExport(
      db,
      manager,
      { reportId: "sla", period: year, filters: {}, format: "pdf" },
      enqueue,
      now,
    );
    // The body filtered on disappears from the report's reach before the worker runs.
    await db.reportExport.update({
      where: { id },
      data: { filters: { body: "00000000-0000-4000-8000-000000000009" } },
    });
    await expect(runJob(reportExportJob, { exportId: id }, ctx)).rejects.toThrow();
    expect(await getExport(db, manager, { id }, now)).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/^Le rapport ne peut plus être lu/),
    });
    expect(logs).toContainEqual({ level: "error", message: "report export failed" });
    // A retry of the failed job does nothing, and sends nothing.
    await runJob(reportExportJob, { exportId: id }, ctx);
    expect(await db.outboxMessage.count({ where: { dedupKey: `report-export:${id}` } })).toBe(0);
  });

  it("refuses a sixth export at once, and enqueue failures say so on the export", async () => {
    const db = tdb.prisma();
    const tech = (await actorByEmail(db, "tech@val-orlene.example"))!;
    const input = { reportId: "sla", period: year, filters: {}, format: "csv" as const };
    for (let i = 0; i < 5; i++) await requestExport(db, tech, input, enqueue, now);
    await expect(requestExport(db, tech, input, enqueue, now)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "report_export_busy",
    });
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    const { id } = await requestExport(
      db,
      manager,
      input,
      async () => {
        throw new Error("pg-boss down");
      },
      now,
    );
    expect(await getExport(db, manager, { id }, now)).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/indisponible/),
    });
  });

  it("removes expired exports with their files", async () => {
    const db = tdb.prisma();
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    const [done] = (await listExports(db, manager, {}, now)).items.filter((e) => e.status === "done");
    const row = await db.reportExport.findUniqueOrThrow({ where: { id: done!.id }, include: { file: true } });
    const later = new Date(row.expiresAt.getTime() + 1000);
    await expect(readExportFile(db, files, manager, row.id, later)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const result = await cleanupExports({ db, files, now: () => later });
    expect(result.removed).toBeGreaterThan(0);
    expect(await db.reportExport.findUnique({ where: { id: row.id } })).toBeNull();
    expect(await db.storedFile.findUnique({ where: { id: row.file!.id } })).toBeNull();
    await expect(files.size(row.file!.storageKey)).rejects.toThrow();
  });
});
