// Reading data migrations: the list, a job's page, live progress, error reports, staging sample,
// downloads (files received, error reports, export, load log, acceptance report).
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import type { Db, Prisma } from "@mutuo/db";
import { bodyScope, isStaff, type Actor } from "../access/index.ts";
import { localToday } from "../conventions/index.ts";
import { notFound } from "../errors/index.ts";
import type { StreamingFileStore } from "../files/index.ts";
import { cursorPart, decodeCursor, encodeCursor } from "../shared/cursor.ts";
import { dateOnly } from "../shared/dates.ts";
import { assertJobVisible, requireMigrationStaff } from "./policy.ts";
import { isLate, progressOf, stagingSchema, type TargetColumn } from "./rules.ts";
import {
  jobIdInput,
  listJobsInput,
  runErrorsInput,
  runIdInput,
  stagingInput,
  templatesInput,
  type ListJobsInput,
} from "./schema.ts";
import { stagingCounts, stagingRows } from "./staging.ts";
import type { z } from "zod";

const runSelect = {
  id: true,
  kind: true,
  status: true,
  bytesTotal: true,
  bytesDone: true,
  rowsRead: true,
  rowsValid: true,
  rowsInvalid: true,
  duplicateKeys: true,
  startedAt: true,
  progressAt: true,
  finishedAt: true,
  createdAt: true,
  cancelRequested: true,
  fileId: true,
} satisfies Prisma.MigrationRunSelect;

type RunRow = Prisma.MigrationRunGetPayload<{ select: typeof runSelect }>;

function runView(r: RunRow) {
  const end = r.finishedAt ?? r.progressAt ?? r.startedAt;
  const elapsedMs = r.startedAt && end ? end.getTime() - r.startedAt.getTime() : 0;
  const p = progressOf({
    bytesDone: Number(r.bytesDone),
    bytesTotal: Number(r.bytesTotal),
    rowsDone: r.rowsRead,
    elapsedMs,
  });
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    fileId: r.fileId,
    rowsRead: r.rowsRead,
    rowsValid: r.rowsValid,
    rowsInvalid: r.rowsInvalid,
    duplicateKeys: r.duplicateKeys,
    cancelRequested: r.cancelRequested,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    percent: r.status === "done" ? 100 : p.percent,
    rowsPerSecond: p.rowsPerSecond,
    secondsLeft: r.status === "running" ? p.secondsLeft : null,
  };
}
export type RunView = ReturnType<typeof runView>;

async function names(db: Db, ids: { bodies: string[]; services: string[]; users: string[] }) {
  const [bodies, services, users] = await Promise.all([
    db.body.findMany({ where: { id: { in: ids.bodies } }, select: { id: true, legalName: true } }),
    db.service.findMany({
      where: { id: { in: ids.services } },
      select: { id: true, name: true, code: true },
    }),
    db.user.findMany({ where: { id: { in: ids.users } }, select: { id: true, name: true } }),
  ]);
  return {
    body: new Map(bodies.map((b) => [b.id, b.legalName])),
    service: new Map(services.map((s) => [s.id, s.name])),
    user: new Map(users.map((u) => [u.id, u.name])),
  };
}

export async function listJobs(db: Db, actor: Actor, raw: ListJobsInput, now = new Date()) {
  const input = listJobsInput.parse(raw);
  const today = localToday(now);
  const where: Prisma.MigrationJobWhereInput = {
    AND: [
      bodyScope(actor),
      input.status ? { status: input.status } : {},
      input.bodyId ? { bodyId: input.bodyId } : {},
      input.serviceId ? { serviceId: input.serviceId } : {},
      input.ownerId ? { ownerId: input.ownerId } : {},
      input.late
        ? {
            dueOn: { lt: new Date(`${today}T00:00:00Z`) },
            status: { notIn: ["done", "failed", "cancelled"] },
          }
        : {},
      input.cursor ? cursorWhere(input.cursor) : {},
    ],
  };
  const rows = await db.migrationJob.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      dueOn: true,
      bodyId: true,
      serviceId: true,
      ownerId: true,
      createdAt: true,
      runs: {
        where: { status: { in: ["queued", "running"] } },
        select: runSelect,
        take: 1,
        orderBy: { createdAt: "desc" },
      },
    },
  });
  const page = rows.slice(0, input.limit);
  const n = await names(db, {
    bodies: page.map((r) => r.bodyId),
    services: page.map((r) => r.serviceId),
    users: page.map((r) => r.ownerId),
  });
  const last = rows[input.limit - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      dueOn: r.dueOn ? dateOnly(r.dueOn) : null,
      late: isLate(r.status, r.dueOn ? dateOnly(r.dueOn) : null, today),
      body: n.body.get(r.bodyId) ?? "",
      service: n.service.get(r.serviceId) ?? "",
      owner: n.user.get(r.ownerId) ?? "",
      run: r.runs[0] ? runView(r.runs[0]) : null,
    })),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}

function cursorWhere(cursor: string): Prisma.MigrationJobWhereInput {
  const [at, id] = decodeCursor(cursor, [cursorPart.instant, cursorPart.uuid]);
  const createdAt = new Date(at);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}

export async function getJob(db: Db, actor: Actor, raw: z.input<typeof jobIdInput>, now = new Date()) {
  const { id } = jobIdInput.parse(raw);
  const job = await db.migrationJob.findUnique({
    where: { id },
    include: {
      template: true,
      files: { orderBy: { createdAt: "desc" } },
      runs: { orderBy: { createdAt: "desc" }, select: runSelect, take: 30 },
      events: { orderBy: { at: "asc" } },
    },
  });
  assertJobVisible(actor, job);
  const n = await names(db, {
    bodies: [job.bodyId],
    services: [job.serviceId],
    users: [job.ownerId, ...job.files.map((f) => f.uploadedById ?? "")].filter(Boolean),
  });
  const dueOn = job.dueOn ? dateOnly(job.dueOn) : null;
  return {
    id: job.id,
    number: job.number,
    title: job.title,
    status: job.status,
    statusReason: job.statusReason,
    bodyId: job.bodyId,
    body: n.body.get(job.bodyId) ?? "",
    serviceId: job.serviceId,
    service: n.service.get(job.serviceId) ?? "",
    owner: n.user.get(job.ownerId) ?? "",
    dueOn,
    late: isLate(job.status, dueOn, localToday(now)),
    billingMode: job.billingMode,
    flatPriceCents: job.flatPriceCents,
    template: {
      id: job.template.id,
      name: job.template.name,
      columns: job.template.columns as unknown as TargetColumn[],
      encoding: job.template.encoding,
      delimiter: job.template.delimiter,
    },
    mapping: job.mapping as Record<string, string>,
    badRowPolicy: job.badRowPolicy,
    externalKey: job.externalKey,
    currentFileId: job.currentFileId,
    files: job.files.map((f) => ({
      id: f.id,
      name: f.name,
      size: Number(f.size),
      format: f.format,
      encoding: f.encoding,
      delimiter: f.delimiter,
      headers: f.headers as string[],
      uploadedBy: n.user.get(f.uploadedById ?? "") ?? "",
      createdAt: f.createdAt.toISOString(),
    })),
    runs: job.runs.map(runView),
    events: job.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      actor: e.actorLabel,
      at: e.at.toISOString(),
    })),
    signOff: job.signedOffAt
      ? { by: job.signedOffByName ?? "", at: job.signedOffAt.toISOString(), sha256: job.signOffSha256 ?? "" }
      : null,
    load: job.loadedAt
      ? { at: job.loadedAt.toISOString(), rows: job.loadedRows ?? 0, by: job.loadedById }
      : null,
  };
}

/** The small payload polled every second by the job page: status and the latest run's progress. */
export async function jobProgress(db: Db, actor: Actor, raw: z.input<typeof jobIdInput>) {
  const { id } = jobIdInput.parse(raw);
  const job = await db.migrationJob.findUnique({ where: { id }, select: { bodyId: true, status: true } });
  assertJobVisible(actor, job);
  const run = await db.migrationRun.findFirst({
    where: { jobId: id },
    orderBy: { createdAt: "desc" },
    select: runSelect,
  });
  return { status: job.status, run: run ? runView(run) : null };
}

async function visibleRun(db: Db, actor: Actor, runId: string) {
  const run = await db.migrationRun.findUnique({
    where: { id: runId },
    include: { job: { select: { bodyId: true } } },
  });
  assertJobVisible(actor, run?.job ?? null);
  return run!;
}

export async function runErrors(db: Db, actor: Actor, raw: z.input<typeof runErrorsInput>) {
  const input = runErrorsInput.parse(raw);
  await visibleRun(db, actor, input.runId);
  const after = input.cursor ? decodeCursor(input.cursor, [cursorPart.bigintId])[0] : null;
  const rows = await db.migrationRowError.findMany({
    where: { runId: input.runId, ...(after ? { id: { gt: BigInt(after) } } : {}) },
    orderBy: { id: "asc" },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((r) => ({
      id: r.id.toString(),
      line: r.line,
      raw: r.raw,
      column: r.column,
      value: r.value,
      rule: r.rule,
    })),
    nextCursor: rows.length > input.limit ? encodeCursor([page.at(-1)!.id.toString()]) : null,
  };
}

/** Sample, per-column counts and summary of the job's staging (null when there is none). */
export async function stagingView(db: Db, actor: Actor, raw: z.input<typeof stagingInput>) {
  const input = stagingInput.parse(raw);
  const job = await db.migrationJob.findUnique({ where: { id: input.id }, include: { template: true } });
  assertJobVisible(actor, job);
  const columns = job.template.columns as unknown as TargetColumn[];
  const schema = stagingSchema(job.id);
  const counts = await stagingCounts(db, schema, columns.length);
  if (!counts) return null;
  return {
    total: counts.total,
    columns: columns.map((c, i) => ({ name: c.name, label: c.label, filled: counts.filled[i] ?? 0 })),
    sample: await stagingRows(db, schema, columns.length, input.limit),
  };
}

export async function listTemplates(db: Db, actor: Actor, raw: z.input<typeof templatesInput> = {}) {
  requireMigrationStaff(actor);
  const input = templatesInput.parse(raw);
  const rows = await db.migrationTemplate.findMany({
    where: { active: true, ...(input.serviceId ? { serviceId: input.serviceId } : {}) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const services = await db.service.findMany({
    where: { id: { in: rows.map((r) => r.serviceId) } },
    select: { id: true, name: true },
  });
  const byId = new Map(services.map((s) => [s.id, s.name]));
  return rows.map((t) => ({
    id: t.id,
    serviceId: t.serviceId,
    service: byId.get(t.serviceId) ?? "",
    name: t.name,
    columns: t.columns as unknown as TargetColumn[],
    crossRules: t.crossRules as unknown,
    encoding: t.encoding,
    delimiter: t.delimiter,
  }));
}

/** Everything a creation form needs: partner bodies, services with templates, staff. */
export async function jobFormOptions(db: Db, actor: Actor) {
  requireMigrationStaff(actor);
  const [bodies, templates, owners] = await Promise.all([
    db.body.findMany({
      where: { kind: { not: "provider" }, status: "active" },
      select: { id: true, legalName: true },
      orderBy: { legalName: "asc" },
    }),
    listTemplates(db, actor),
    db.user.findMany({
      where: { role: { not: "agent" }, active: true },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    bodies,
    templates: templates.map((t) => ({ id: t.id, name: t.name, serviceId: t.serviceId, service: t.service })),
    owners,
  };
}

// ─── Downloads (route handlers): each checks access like the pages, NOT_FOUND otherwise ─────────

export type Download = { name: string; mimeType: string; size?: number; stream: Readable };

export async function downloadFile(
  db: Db,
  files: StreamingFileStore,
  actor: Actor,
  fileId: string,
): Promise<Download> {
  const f = await db.migrationFile.findUnique({
    where: { id: fileId },
    include: { job: { select: { bodyId: true } } },
  });
  assertJobVisible(actor, f?.job ?? null);
  return {
    name: f!.name,
    mimeType:
      f!.format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv",
    size: Number(f!.size),
    stream: files.openRead(f!.storageKey),
  };
}

const REPORT_HEADERS = ["Ligne", "Colonne", "Valeur", "Règle non respectée", "Ligne d'origine"];

async function* errorRows(db: Db, runId: string) {
  let after = BigInt(0);
  for (;;) {
    const page = await db.migrationRowError.findMany({
      where: { runId, id: { gt: after } },
      orderBy: { id: "asc" },
      take: 5000,
    });
    if (!page.length) return;
    for (const e of page) yield [String(e.line), e.column, e.value, e.rule, e.raw];
    after = page.at(-1)!.id;
  }
}

/** The row-level error report of a run, as CSV (UTF-8 with BOM, `;`, for Excel) or XLSX, streamed. */
export async function errorReport(
  db: Db,
  actor: Actor,
  raw: unknown,
  format: "csv" | "xlsx",
): Promise<Download> {
  const { runId } = runIdInput.parse(raw);
  const run = await visibleRun(db, actor, runId);
  const job = await db.migrationJob.findUniqueOrThrow({ where: { id: run.jobId }, select: { number: true } });
  const name = `${job.number}-erreurs.${format}`;
  if (format === "csv") {
    const csv = stringify({
      delimiter: ";",
      bom: true,
      header: true,
      columns: REPORT_HEADERS,
      record_delimiter: "\r\n",
    });
    Readable.from(errorRows(db, runId)).pipe(csv);
    return { name, mimeType: "text/csv; charset=utf-8", stream: csv };
  }
  const out = new PassThrough();
  void (async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useSharedStrings: false,
      useStyles: false,
    });
    const ws = wb.addWorksheet("Erreurs");
    ws.addRow(REPORT_HEADERS).commit();
    for await (const r of errorRows(db, runId)) ws.addRow([Number(r[0]), ...r.slice(1)]).commit();
    ws.commit();
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e as Error));
  return { name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stream: out };
}

/** The production export or its load log (staff and the body's agents). */
export async function loadArtifact(
  db: Db,
  files: StreamingFileStore,
  actor: Actor,
  raw: unknown,
  which: "export" | "log",
): Promise<Download> {
  const { id } = jobIdInput.parse(raw);
  const job = await db.migrationJob.findUnique({ where: { id } });
  assertJobVisible(actor, job);
  const key = which === "export" ? job.exportKey : job.loadLogKey;
  if (!key) throw notFound("migration export");
  if (which === "export" && !isStaff(actor)) throw notFound("migration export");
  return {
    name: which === "export" ? `${job.number}-import.csv` : `${job.number}-journal.txt`,
    mimeType: which === "export" ? "text/csv" : "text/plain; charset=utf-8",
    size: await files.size(key),
    stream: files.openRead(key),
  };
}
