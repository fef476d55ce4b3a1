// File downloads: signed in, a well-formed id, the domain's read (which checks access and answers
// NOT_FOUND for what the person may not see), and safe headers.
import { isDomainError } from "@mutuo/core/errors";
import { localFileStore, type FileStore } from "@mutuo/core/files";
import type { Actor } from "@mutuo/core/identity";
import type { Db } from "@mutuo/db";
import { env } from "../env.ts";
import { isUuid } from "../lib/ids.ts";
import { db } from "./db.ts";
import { currentActor } from "./session.ts";

type Read = (
  db: Db,
  files: FileStore,
  actor: Actor,
  id: string,
) => Promise<{ name: string; mimeType: string; size: number; bytes: Uint8Array }>;

export async function download(id: string, read: Read): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Connexion requise", { status: 401 });
  if (!isUuid(id)) return new Response("Introuvable", { status: 404 });
  try {
    const f = await read(db(), localFileStore(env().filesDir), actor, id);
    return new Response(Buffer.from(f.bytes), {
      headers: {
        "content-type": f.mimeType,
        "content-length": String(f.size),
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") return new Response("Introuvable", { status: 404 });
    throw e;
  }
}
