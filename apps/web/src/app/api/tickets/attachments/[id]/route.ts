// Download of a ticket attachment, for whoever may see it (checked in the service: partners never
// get an internal note's files).
import { isDomainError } from "@mutuo/core/errors";
import { localFileStore } from "@mutuo/core/files";
import { readTicketAttachment } from "@mutuo/core/tickets";
import { env } from "../../../../../env.ts";
import { db } from "../../../../../server/db.ts";
import { currentActor } from "../../../../../server/session.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Connexion requise", { status: 401 });
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return new Response("Introuvable", { status: 404 });
  try {
    const f = await readTicketAttachment(db(), localFileStore(env().filesDir), actor, id);
    return new Response(Buffer.from(f.bytes), {
      headers: {
        "content-type": f.mimeType, "content-length": String(f.size), "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
        "x-content-type-options": "nosniff", "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") return new Response("Introuvable", { status: 404 });
    throw e;
  }
}
