// The row-level error report of a run, CSV (default) or XLSX (?format=xlsx).
import { errorReport } from "@mutuo/core/migrations";
import { streamDownload } from "../../../../../server/migration-download.ts";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const format = new URL(req.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  return streamDownload((await params).id, (db, _files, actor, runId) =>
    errorReport(db, actor, { runId }, format),
  );
}
