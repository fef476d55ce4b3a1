// The web's side of background exports: how large an export would be (direct or background), asking
// for one (checked like a read of the report, then queued for the worker), the requester's list, the
// progress of one, and its file. An export belongs to its requester: anyone else gets NOT_FOUND.
import type { Readable } from "node:stream";
import { Prisma, type Db } from "@mutuo/db";
import { visibleBodyIds, type Actor } from "../access/index.ts";
import { conflict, notFound } from "../errors/index.ts";
import type { StreamingFileStore } from "../files/index.ts";
import { newestFirstAfter, newestFirstCursor } from "../shared/cursor.ts";
import { exportExpiry, exportMode, MAX_ACTIVE_EXPORTS, type ExportMode } from "./export-rules.ts";
import { resolveReport } from "./queries.ts";
import { periodLabel } from "./rules.ts";
import type { ReadReportInput } from "./schema.ts";
import { rollupWhere } from "./sla-report.ts";

/** Queues the build of an export on the worker (pg-boss in the web app, a direct call in tests). */
export type EnqueueExport = (exportId: string) => Promise<void>;

/** Tickets in the period and filters (from the rollup), and whether the export runs in the background. */
export async function exportPlan(
  db: Db,
  actor: Actor,
  input: ReadReportInput,
): Promise<{ tickets: number; mode: ExportMode }> {
  const { report, period, filters, bodyIds } = await resolveReport(db, actor, input);
  if (report.id !== "sla") return { tickets: 0, mode: "direct" };
  const where = rollupWhere({ period, filters, bodyIds }, period);
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT COALESCE(sum(r."tickets"), 0)::int AS "n" FROM "ReportSlaMonth" r WHERE ${where}`;
  const tickets = row?.n ?? 0;
  return { tickets, mode: exportMode(tickets) };
}

/** Asks for an export built by the worker. The report, period and filters are checked now (the same
 * French errors as the page); the export is limited to the bodies the requester may see. */
export async function requestExport(
  db: Db,
  actor: Actor,
  input: ReadReportInput & { format: "csv" | "xlsx" | "pdf" },
  enqueue: EnqueueExport,
  now: Date,
): Promise<{ id: string }> {
  const { report, period, filters, bodyIds } = await resolveReport(db, actor, input);
  const active = await db.reportExport.count({
    where: { requestedById: actor.userId, status: { in: ["queued", "running"] } },
  });
  if (active >= MAX_ACTIVE_EXPORTS) throw conflict("report_export_busy", "format");
  const created = await db.reportExport.create({
    data: {
      requestedById: actor.userId,
      reportId: report.id,
      title: `${report.title} — ${periodLabel(period)}`,
      period: input.period as Prisma.InputJsonValue,
      filters: filters as Prisma.InputJsonValue,
      scopeBodyIds: bodyIds === "all" ? [] : bodyIds,
      format: input.format,
      expiresAt: exportExpiry(now),
    },
    select: { id: true },
  });
  try {
    await enqueue(created.id);
  } catch {
    await db.reportExport.updateMany({
      where: { id: created.id, status: "queued" },
      data: {
        status: "failed",
        finishedAt: now,
        error: "La file des travaux en arrière-plan est indisponible : réessayez dans quelques minutes.",
      },
    });
  }
  return created;
}

/** Whether the actor still sees every body the export covers (an agent who left a body, or acts for
 * another of theirs, does not; staff see all). */
function inScope(actor: Actor, scopeBodyIds: string[]): boolean {
  const visible = visibleBodyIds(actor);
  if (visible === "all") return true;
  return scopeBodyIds.length > 0 && scopeBodyIds.every((b) => visible.includes(b));
}

const exportSelect = {
  id: true,
  scopeBodyIds: true,
  reportId: true,
  title: true,
  format: true,
  status: true,
  progress: true,
  rowsDone: true,
  rowsTotal: true,
  error: true,
  createdAt: true,
  finishedAt: true,
  expiresAt: true,
  file: { select: { name: true, size: true } },
} satisfies Prisma.ReportExportSelect;

const PAGE = 50;

/** The requester's exports, newest first (others' are never listed, whatever the role). */
export async function listExports(db: Db, actor: Actor, input: { cursor?: string }, now: Date) {
  const rows = await db.reportExport.findMany({
    where: { requestedById: actor.userId, expiresAt: { gt: now }, ...newestFirstAfter(input.cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    select: exportSelect,
  });
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return {
    items: page.filter((e) => inScope(actor, e.scopeBodyIds)).map(withoutScope),
    nextCursor: rows.length > PAGE && last ? newestFirstCursor(last) : null,
  };
}

const withoutScope = <T extends { scopeBodyIds: string[] }>({ scopeBodyIds: _, ...e }: T) => e;

/** One of the requester's exports (its progress, polled by the list). */
export async function getExport(db: Db, actor: Actor, input: { id: string }, now: Date) {
  const row = await db.reportExport.findFirst({
    where: { id: input.id, requestedById: actor.userId, expiresAt: { gt: now } },
    select: exportSelect,
  });
  if (!row || !inScope(actor, row.scopeBodyIds)) throw notFound("export");
  return withoutScope(row);
}

/** The file of a finished export, streamed, for its requester while it is kept and while they may
 * still see every body it covers (an agent who left the body: not found). */
export async function readExportFile(
  db: Db,
  files: StreamingFileStore,
  actor: Actor,
  id: string,
  now: Date,
): Promise<{ name: string; mimeType: string; size: number; stream: Readable }> {
  const row = await db.reportExport.findFirst({
    where: { id, requestedById: actor.userId, status: "done", expiresAt: { gt: now } },
    select: { scopeBodyIds: true, file: true },
  });
  const visible = visibleBodyIds(actor);
  if (!row?.file) throw notFound("export");
  if (
    visible !== "all" &&
    (row.scopeBodyIds.length === 0 || row.scopeBodyIds.some((b) => !visible.includes(b)))
  )
    throw notFound("export");
  return {
    name: row.file.name,
    mimeType: row.file.mimeType,
    size: row.file.size,
    stream: files.openRead(row.file.storageKey),
  };
}
