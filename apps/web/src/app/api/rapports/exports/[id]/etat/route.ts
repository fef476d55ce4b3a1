// The live status of a background export, polled by « Mes exports » while it is being prepared.
import { isDomainError } from "@mutuo/core/errors";
import { getExport } from "@mutuo/core/reports";
import { isUuid } from "../../../../../../lib/ids.ts";
import { now } from "../../../../../../server/clock.ts";
import { db } from "../../../../../../server/db.ts";
import { currentActor } from "../../../../../../server/session.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Connexion requise", { status: 401 });
  const id = (await params).id;
  if (!isUuid(id)) return new Response("Introuvable", { status: 404 });
  try {
    const e = await getExport(db(), actor, { id }, now());
    return Response.json(
      { status: e.status, progress: e.progress, rowsDone: e.rowsDone, rowsTotal: e.rowsTotal },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") return new Response("Introuvable", { status: 404 });
    throw e;
  }
}
