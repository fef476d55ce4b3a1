// The QR label sheet (A4, 3 × 8) of the assets ticked in the list: /equipements/etiquettes.pdf?ids=…
// Staff only; the QR codes hold the absolute address of each asset's page (MUTUO_BASE_URL).
import { assetLabelsPdf, MAX_LABELS } from "@mutuo/core/assets";
import { isDomainError } from "@mutuo/core/errors";
import { env } from "../../../env.ts";
import { isUuid } from "../../../lib/ids.ts";
import { db } from "../../../server/db.ts";
import { currentActor } from "../../../server/session.ts";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Connexion requise", { status: 401 });
  const url = new URL(req.url);
  const ids = url.searchParams
    .getAll("ids")
    .flatMap((v) => v.split(","))
    .filter(Boolean);
  if (ids.length === 0 || ids.length > MAX_LABELS || !ids.every(isUuid))
    return new Response("Sélection invalide", { status: 400 });
  try {
    const pdf = await assetLabelsPdf(db(), actor, { ids }, env().baseUrl ?? url.origin);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="etiquettes.pdf"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    if (isDomainError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN"))
      return new Response("Introuvable", { status: 404 });
    throw e;
  }
}
