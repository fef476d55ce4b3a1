// Streamed downloads of data migrations (files received, error reports, export, load log, PDF): signed
// in, a well-formed id, the domain's read (NOT_FOUND for what the person may not see), safe headers.
import { Readable } from "node:stream";
import { isDomainError } from "@mutuo/core/errors";
import { localFileStore, type StreamingFileStore } from "@mutuo/core/files";
import type { Actor } from "@mutuo/core/identity";
import type { Download } from "@mutuo/core/migrations";
import type { Db } from "@mutuo/db";
import { env } from "../env.ts";
import { isUuid } from "../lib/ids.ts";
import { db } from "./db.ts";
import { currentActor } from "./session.ts";

type Read = (db: Db, files: StreamingFileStore, actor: Actor, id: string) => Promise<Download>;

export async function streamDownload(id: string, read: Read): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Connexion requise", { status: 401 });
  if (!isUuid(id)) return new Response("Introuvable", { status: 404 });
  try {
    const f = await read(db(), localFileStore(env().filesDir), actor, id);
    return new Response(Readable.toWeb(f.stream) as ReadableStream, {
      headers: {
        "content-type": f.mimeType,
        ...(f.size !== undefined ? { "content-length": String(f.size) } : {}),
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    if (isDomainError(e) && (e.code === "NOT_FOUND" || e.code === "VALIDATION"))
      return new Response("Introuvable", { status: 404 });
    throw e;
  }
}
