// The live progress of a job, polled every second by its page.
import { isDomainError } from "@mutuo/core/errors";
import { jobProgress } from "@mutuo/core/migrations";
import { isUuid } from "../../../../../lib/ids.ts";
import { db } from "../../../../../server/db.ts";
import { currentActor } from "../../../../../server/session.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Connexion requise", { status: 401 });
  const id = (await params).id;
  if (!isUuid(id)) return new Response("Introuvable", { status: 404 });
  try {
    return Response.json(await jobProgress(db(), actor, { id }), {
      headers: { "cache-control": "no-store" },
    });
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") return new Response("Introuvable", { status: 404 });
    throw e;
  }
}
