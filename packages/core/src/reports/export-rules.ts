// Pure rules of background exports: when an export is too large to build while the person waits,
// how far a build has got, and how long its file is kept. No database.

/** Above this many tickets in the period, an SLA export is built by the worker (it then carries every
 * breached ticket, read by batches) rather than while the page waits. */
export const BACKGROUND_TICKETS = 20_000;

/** Tickets read per batch (one keyset query, one progress update). */
export const EXPORT_BATCH = 5_000;

/** A finished export is kept this long, then removed by the daily clean-up. */
export const EXPORT_TTL_DAYS = 7;

/** A running build whose progress is older than this was abandoned by a stopped worker. */
export const EXPORT_STALE_MS = 2 * 60_000;

/** At most this many exports queued or running per person. */
export const MAX_ACTIVE_EXPORTS = 5;

export type ExportMode = "direct" | "background";

/** Direct download for a small period, the worker for a large one. */
export function exportMode(tickets: number): ExportMode {
  return tickets > BACKGROUND_TICKETS ? "background" : "direct";
}

/** Background exports of the SLA report to CSV or XLSX carry every breached ticket of the period. */
export function exportsTickets(reportId: string, format: "csv" | "xlsx" | "pdf"): boolean {
  return reportId === "sla" && format !== "pdf";
}

/** The stages of a build, in order. */
export type ExportStage =
  | { stage: "queued" }
  | { stage: "read" }
  | { stage: "rows"; done: number; total: number }
  | { stage: "written" }
  | { stage: "done" };

/** Percent done (0–100): reading the report 10, the tickets 10→90 by rows, the file written 95. */
export function exportProgress(s: ExportStage): number {
  switch (s.stage) {
    case "queued":
      return 0;
    case "read":
      return 10;
    case "rows": {
      if (s.total <= 0) return 90;
      const share = Math.min(1, Math.max(0, s.done / s.total));
      return 10 + Math.floor(80 * share);
    }
    case "written":
      return 95;
    case "done":
      return 100;
  }
}

/** When an export requested (or finished) at `at` expires. */
export function exportExpiry(at: Date): Date {
  return new Date(at.getTime() + EXPORT_TTL_DAYS * 86_400_000);
}
