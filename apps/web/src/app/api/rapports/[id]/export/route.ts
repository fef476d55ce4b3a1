// Export of a report (CSV, XLSX, PDF) for whoever may read it, with the filters of the page.
import { exportReport, readReport, readReportInput } from "@mutuo/core/reports";
import { isDomainError } from "@mutuo/core/errors";
import { db } from "../../../../../server/db.ts";
import { now } from "../../../../../server/clock.ts";
import { currentActor } from "../../../../../server/session.ts";
import { filtersFrom, periodFrom } from "../../../../rapports/params.ts";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Connexion requise", { status: 401 });
  const url = new URL(req.url);
  const search = Object.fromEntries(url.searchParams);
  const format = search.format;
  if (format !== "csv" && format !== "xlsx" && format !== "pdf")
    return new Response("Format inconnu (csv, xlsx ou pdf)", { status: 400 });
  const input = readReportInput.safeParse({
    reportId: (await params).id,
    period: periodFrom(search, now()),
    filters: filtersFrom(search),
  });
  if (!input.success) return new Response("Période ou filtres invalides", { status: 400 });
  try {
    const file = await exportReport(await readReport(db(), actor, input.data, now()), format);
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "content-type": file.mimeType,
        "content-length": String(file.bytes.byteLength),
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") return new Response("Introuvable", { status: 404 });
    if (isDomainError(e) && e.code === "FORBIDDEN") return new Response("Accès refusé", { status: 403 });
    if (isDomainError(e)) return new Response("Période ou filtres invalides", { status: 400 });
    throw e;
  }
}
