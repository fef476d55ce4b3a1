// Download of a convention's document, for whoever may see the convention (checked in the service).
import { readConventionDocument } from "@mutuo/core/conventions";
import { isDomainError } from "@mutuo/core/errors";
import { localFileStore } from "@mutuo/core/files";
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
    const doc = await readConventionDocument(db(), localFileStore(env().filesDir), actor, id);
    return new Response(Buffer.from(doc.bytes), {
      headers: {
        "content-type": doc.mimeType,
        "content-length": String(doc.size),
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") return new Response("Introuvable", { status: 404 });
    throw e;
  }
}
