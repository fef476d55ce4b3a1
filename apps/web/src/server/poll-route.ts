// JSON answers a page polls every second (a data migration's progress, a background export's
// status): signed in, a well-formed id, the domain's read (NOT_FOUND for what the person may not
// see), never cached.
import { isDomainError } from "@mutuo/core/errors";
import type { Actor } from "@mutuo/core/identity";
import type { Db } from "@mutuo/db";
import { isUuid } from "../lib/ids.ts";
import { db } from "./db.ts";
import { currentActor } from "./session.ts";

export async function pollRoute(
  id: string,
  read: (db: Db, actor: Actor, id: string) => Promise<unknown>,
): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Connexion requise", { status: 401 });
  if (!isUuid(id)) return new Response("Introuvable", { status: 404 });
  try {
    return Response.json(await read(db(), actor, id), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") return new Response("Introuvable", { status: 404 });
    throw e;
  }
}
