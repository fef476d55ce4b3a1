// CSV / XLSX of one statement (whoever may see it) or of a year (managers), and the finance CSV.
import { financeCsv, statementsCsv, statementsXlsx } from "@mutuo/core/billing";
import { isDomainError } from "@mutuo/core/errors";
import { isUuid } from "../../../lib/ids.ts";
import { db } from "../../../server/db.ts";
import { currentActor } from "../../../server/session.ts";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function GET(req: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Connexion requise", { status: 401 });
  const q = new URL(req.url).searchParams;
  const id = q.get("releve");
  const yearText = q.get("annee") ?? "";
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const format = q.get("format");
  if (id !== null && !isUuid(id)) return new Response("Introuvable", { status: 404 });
  if (id === null && (year === null || (actor.role !== "manager" && actor.role !== "admin")))
    return new Response("Introuvable", { status: 404 });
  const scope = id ? { id } : { year: year! };
  const name = id ? "releve" : `releves-${year}`;
  const headers = (type: string, file: string) => ({
    "content-type": type,
    "content-disposition": `attachment; filename="${file}"`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
  try {
    if (format === "xlsx")
      return new Response(new Uint8Array(await statementsXlsx(db(), actor, scope)), {
        headers: headers(XLSX, `${name}.xlsx`),
      });
    if (format === "finance" && year !== null)
      return new Response(await financeCsv(db(), actor, year), {
        headers: headers("text/csv; charset=utf-8", `finances-${year}.csv`),
      });
    return new Response(await statementsCsv(db(), actor, scope), {
      headers: headers("text/csv; charset=utf-8", `${name}.csv`),
    });
  } catch (e) {
    if (isDomainError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN"))
      return new Response("Introuvable", { status: 404 });
    throw e;
  }
}
