// The worker's side of background exports: builds one export (the report as its requester may read
// it, then for the SLA report every breached ticket, read by keyset batches), writes it to the file
// store as a stream, marks it done and e-mails the requester once.
//
// Two workers: the build is taken by one SQL update (queued → running, or running but abandoned), which
// bumps `attempt`; every progress write and the final transition are guarded by that attempt, so a
// worker that lost the build stops at its next batch and throws its file away. The e-mail is queued in
// the same transaction as the `done` transition, under a key per export: a retried job never sends twice.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Db } from "@mutuo/db";
import { isStaff, type Actor } from "../access/index.ts";
import { isDomainError } from "../errors/index.ts";
import type { StreamingFileStore } from "../files/index.ts";
import { enqueueMail } from "../notifications/index.ts";
import { countBreaches, readBreaches, type Breach, type BreachQuery } from "./breaches.ts";
import type { ReportData } from "./definition.ts";
import {
  EXPORT_BATCH,
  EXPORT_STALE_MS,
  exportExpiry,
  exportProgress,
  exportsTickets,
  type ExportStage,
} from "./export-rules.ts";
import {
  addReportSheets,
  csvText,
  CSV_TYPE,
  fileBase,
  reportCsvRecords,
  reportPdf,
  XLSX_TYPE,
} from "./exports.ts";
import { readReport, resolveReport } from "./queries.ts";
import type { PeriodInput } from "./schema.ts";

export type ExportDeps = {
  db: Db;
  files: StreamingFileStore;
  now: () => Date;
  /** Tickets per batch (tests use small batches). */
  batch?: number;
};

/** The largest file an export may write (the file store's size column is a 32-bit integer). */
const MAX_BYTES = 2_000_000_000;

export const BREACHES_TITLE = "Dépassements (détail)";

const when = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  dateStyle: "short",
  timeStyle: "short",
});
const at = (d: Date | null) => (d ? when.format(d) : "");

const BREACH_COLUMNS: [string, (b: Breach) => string][] = [
  ["Ticket", (b) => b.number],
  ["Objet", (b) => b.subject],
  ["Organisme", (b) => b.body],
  ["Service", (b) => b.service],
  ["Priorité", (b) => b.priority],
  ["Canal", (b) => b.channel],
  ["Reçu le", (b) => at(b.receivedAt)],
  ["Objectifs dépassés", (b) => b.targets],
  ["Échéance d'intervention", (b) => at(b.interventionDueAt)],
  ["Intervention", (b) => at(b.interventionAchievedAt)],
  ["Échéance de résolution", (b) => at(b.resolutionDueAt)],
  ["Résolu le", (b) => at(b.resolvedAt)],
  ["Motif", (b) => b.reason ?? ""],
  ["Technicien", (b) => b.technician ?? ""],
];
const breachRecord = (b: Breach) => BREACH_COLUMNS.map(([, f]) => f(b));

/** Another worker took the build over: stop without touching it. */
class LostClaim extends Error {}

/** A failure told to the requester as is (French). */
class ExportRefused extends Error {}

/** Takes the export if it is queued, or running but abandoned; its attempt number, or null. */
async function claim(db: Db, id: string, now: Date): Promise<number | null> {
  const stale = new Date(Date.now() - EXPORT_STALE_MS);
  const rows = await db.$queryRaw<{ attempt: number }[]>`
    UPDATE "ReportExport"
    SET "status" = 'running', "attempt" = "attempt" + 1, "progress" = 0, "rowsDone" = NULL, "rowsTotal" = NULL,
        "progressAt" = now(), "startedAt" = ${now}, "error" = NULL
    WHERE "id" = ${id}::uuid
      AND ("status" = 'queued' OR ("status" = 'running' AND "progressAt" < ${stale}))
    RETURNING "attempt"`;
  return rows[0]?.attempt ?? null;
}

/** The requester as an actor, limited to the bodies the export was asked for; null if they lost access. */
async function requester(
  db: Db,
  e: { requestedById: string; scopeBodyIds: string[] },
): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: e.requestedById },
    select: {
      id: true,
      name: true,
      role: true,
      active: true,
      anonymisedAt: true,
      memberships: { select: { bodyId: true } },
    },
  });
  if (!user || !user.active || user.anonymisedAt) return null;
  const own = user.memberships.map((m) => m.bodyId);
  const actor: Actor = {
    userId: user.id,
    name: user.name,
    role: user.role,
    bodyIds: own,
    activeBodyId: null,
  };
  if (isStaff(actor)) return actor;
  const scope = e.scopeBodyIds.filter((b) => own.includes(b));
  if (scope.length === 0) return null;
  return { ...actor, bodyIds: scope, activeBodyId: scope.length === 1 ? scope[0]! : null };
}

/** The breached tickets by batches, newest first, reporting the rows done after each batch. */
async function* breachBatches(
  db: Db,
  q: BreachQuery,
  batch: number,
  onBatch: (done: number) => Promise<void>,
): AsyncGenerator<Breach[]> {
  let after: { receivedAt: Date; id: string } | null = null;
  let done = 0;
  for (;;) {
    const rows = await readBreaches(db, q, after, batch);
    if (rows.length === 0) return;
    yield rows;
    done += rows.length;
    await onBatch(done);
    if (rows.length < batch) return;
    const last = rows.at(-1)!;
    after = { receivedAt: last.receivedAt, id: last.id };
  }
}

type Tickets = AsyncGenerator<Breach[]> | null;

async function* csvChunks(data: ReportData, tickets: Tickets): AsyncGenerator<Uint8Array> {
  yield Buffer.from(`\uFEFF${csvText(reportCsvRecords(data))}`, "utf8");
  if (!tickets) return;
  yield Buffer.from(csvText([[], [BREACHES_TITLE], BREACH_COLUMNS.map(([t]) => t)]), "utf8");
  for await (const batch of tickets) yield Buffer.from(csvText(batch.map(breachRecord)), "utf8");
}

/** Streams the workbook into the store, sheets committed as they are written. */
async function writeXlsx(files: StreamingFileStore, data: ReportData, tickets: Tickets) {
  const sink = new PassThrough();
  const stored = files.putStream(sink, MAX_BYTES);
  stored.catch(() => undefined); // awaited below; an early failure must not go unhandled
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
    wb.creator = "Mutuo";
    for (const ws of addReportSheets(wb, data)) ws.commit();
    if (tickets) {
      const ws = wb.addWorksheet(BREACHES_TITLE.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
      BREACH_COLUMNS.forEach((_, i) => (ws.getColumn(i + 1).width = i === 1 ? 40 : 18));
      const head = ws.addRow(BREACH_COLUMNS.map(([t]) => t));
      head.font = { bold: true };
      head.commit();
      for await (const batch of tickets) for (const b of batch) ws.addRow(breachRecord(b)).commit();
      ws.commit();
    }
    await wb.commit();
  } catch (e) {
    sink.destroy(e as Error);
    await stored.catch(() => undefined);
    throw e;
  }
  return stored;
}

/** Builds the export `id`. "skipped" when another worker has it, it ended, or it does not exist. */
export async function buildExport(deps: ExportDeps, id: string): Promise<"done" | "skipped"> {
  const { db, files, now } = deps;
  const attempt = await claim(db, id, now());
  if (attempt === null) return "skipped";
  const e = await db.reportExport.findUniqueOrThrow({ where: { id } });
  const step = async (s: ExportStage, rows?: { rowsDone?: number; rowsTotal?: number }) => {
    const n = await db.reportExport.updateMany({
      where: { id, attempt, status: "running" },
      data: { progress: exportProgress(s), progressAt: new Date(), ...rows },
    });
    if (n.count === 0) throw new LostClaim();
  };
  let key: string | null = null;
  try {
    const actor = await requester(db, e);
    if (!actor) throw new ExportRefused("Vous n'avez plus accès à ce rapport.");
    const input = {
      reportId: e.reportId,
      period: e.period as PeriodInput,
      filters: e.filters as Record<string, string>,
    };
    const data = await readReport(db, actor, input, now());
    await step({ stage: "read" });
    const format = e.format;
    let tickets: Tickets = null;
    if (exportsTickets(e.reportId, format)) {
      const { period, filters, bodyIds } = await resolveReport(db, actor, input);
      const q: BreachQuery = { period, filters, bodies: bodyIds, now: now() };
      const total = await countBreaches(db, q);
      await step({ stage: "rows", done: 0, total }, { rowsDone: 0, rowsTotal: total });
      tickets = breachBatches(db, q, deps.batch ?? EXPORT_BATCH, (done) =>
        step({ stage: "rows", done, total }, { rowsDone: done, rowsTotal: Math.max(total, done) }),
      );
    }
    let file: { key: string; sha256: string; size: number };
    let mimeType: string;
    if (format === "pdf") {
      const pdf = await reportPdf(data, now());
      file = await files.put(pdf.bytes);
      mimeType = pdf.mimeType;
    } else if (format === "csv") {
      file = await files.putStream(csvChunks(data, tickets), MAX_BYTES);
      mimeType = CSV_TYPE;
    } else {
      file = await writeXlsx(files, data, tickets);
      mimeType = XLSX_TYPE;
    }
    key = file.key;
    await step({ stage: "written" });
    await finish(deps, e, attempt, { ...file, mimeType, name: `${fileBase(data)}.${format}` });
    return "done";
  } catch (err) {
    if (key) await files.remove(key).catch(() => undefined);
    if (err instanceof LostClaim) return "skipped";
    await db.reportExport.updateMany({
      where: { id, attempt, status: "running" },
      data: { status: "failed", error: failureMessage(err), finishedAt: now(), progressAt: new Date() },
    });
    throw err;
  }
}

/** What the requester reads when the build failed. */
function failureMessage(err: unknown): string {
  if (err instanceof ExportRefused) return err.message;
  if (isDomainError(err))
    return "Le rapport ne peut plus être lu avec ces filtres (organisme ou valeur retirés) : demandez un nouvel export.";
  return "La préparation de l'export a échoué : l'équipe technique est prévenue. Réessayez plus tard.";
}

/** Keeps the file, marks the export done and queues the e-mail, in one transaction. */
async function finish(
  deps: ExportDeps,
  e: { id: string; requestedById: string; title: string; format: string },
  attempt: number,
  file: { key: string; sha256: string; size: number; mimeType: string; name: string },
) {
  const { db, now } = deps;
  const user = await db.user.findUniqueOrThrow({
    where: { id: e.requestedById },
    select: { id: true, email: true, locale: true },
  });
  const finishedAt = now();
  const expiresAt = exportExpiry(finishedAt);
  await db.$transaction(async (tx) => {
    const stored = await tx.storedFile.create({
      data: {
        storageKey: file.key,
        name: file.name,
        mimeType: file.mimeType,
        size: file.size,
        sha256: file.sha256,
        uploadedById: e.requestedById,
      },
      select: { id: true },
    });
    const n = await tx.reportExport.updateMany({
      where: { id: e.id, attempt, status: "running" },
      data: {
        status: "done",
        progress: 100,
        fileId: stored.id,
        finishedAt,
        expiresAt,
        progressAt: new Date(),
      },
    });
    if (n.count === 0) throw new LostClaim();
    await enqueueMail(tx, {
      dedupKey: `report-export:${e.id}`,
      template: "report.export-ready",
      to: user.email,
      toUserId: user.id,
      locale: user.locale,
      always: true,
      data: {
        title: e.title,
        format: e.format.toUpperCase(),
        expires: new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long" }).format(
          expiresAt,
        ),
        path: `/rapports/exports#export-${e.id}`,
      },
    });
  });
}

/** Removes the expired exports (row and file), and fails those no worker took for a day. */
export async function cleanupExports(deps: ExportDeps): Promise<{ removed: number; abandoned: number }> {
  const { db, files, now } = deps;
  const at = now();
  let removed = 0;
  for (;;) {
    const expired = await db.reportExport.findMany({
      where: { expiresAt: { lt: at } },
      select: { id: true, file: { select: { id: true, storageKey: true } } },
      orderBy: { expiresAt: "asc" },
      take: 200,
    });
    for (const x of expired) {
      // Two workers may clean up at once: deleteMany tolerates the row being gone already.
      await db.$transaction([
        db.reportExport.deleteMany({ where: { id: x.id } }),
        db.storedFile.deleteMany({ where: { id: x.file?.id ?? "00000000-0000-0000-0000-000000000000" } }),
      ]);
      if (x.file) await files.remove(x.file.storageKey);
      removed++;
    }
    if (expired.length < 200) break;
  }
  const dayAgo = new Date(Date.now() - 86_400_000);
  const abandoned = await db.reportExport.updateMany({
    where: {
      OR: [
        { status: "queued", createdAt: { lt: dayAgo } },
        { status: "running", progressAt: { lt: dayAgo } },
      ],
    },
    data: {
      status: "failed",
      finishedAt: at,
      error: "L'export n'a pas pu être préparé (travail interrompu) : demandez-le de nouveau.",
    },
  });
  return { removed, abandoned: abandoned.count };
}
