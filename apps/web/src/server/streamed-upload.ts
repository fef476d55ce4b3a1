// Uploads streamed from the request body into the file store (never held whole in memory), for the
// routes that skip the proxy (which would buffer the body and cut it at 10 MB): the cross-site
// refusal and the security headers are applied here; the domain's error comes back as JSON
// { error, params } for the form to translate.
import { isDomainError } from "@mutuo/core/errors";
import { localFileStore, type StreamingFileStore } from "@mutuo/core/files";
import type { Actor } from "@mutuo/core/identity";
import type { Db } from "@mutuo/db";
import { env } from "../env.ts";
import { isUuid } from "../lib/ids.ts";
import { db } from "./db.ts";
import { crossSiteRefusal, securityHeaders } from "./http-policy.ts";
import { currentActor } from "./session.ts";

export interface UploadRequest {
  db: Db;
  files: StreamingFileStore;
  actor: Actor;
  /** The [id] of the route (a well-formed UUID). */
  id: string;
  /** The file name sent in the x-file-name header (percent-encoded), or `defaultName`. */
  name: string;
  body: AsyncIterable<Uint8Array>;
  header: (name: string) => string;
}

const decoded = (value: string | null, fallback: string) => {
  try {
    return value === null ? fallback : decodeURIComponent(value);
  } catch {
    return fallback;
  }
};

export async function streamedUpload(
  req: Request,
  id: string,
  defaultName: string,
  receive: (r: UploadRequest) => Promise<object>,
): Promise<Response> {
  const e = env();
  const headers = { ...securityHeaders({ https: e.https }), "cache-control": "no-store" };
  const json = (status: number, body: object) =>
    Response.json(body, { status, headers: { ...headers, "content-type": "application/json" } });
  const refusal = crossSiteRefusal(
    {
      method: req.method,
      origin: req.headers.get("origin"),
      secFetchSite: req.headers.get("sec-fetch-site"),
      host: req.headers.get("host"),
    },
    e.baseUrl,
  );
  if (refusal) return json(403, { error: "forbidden" });
  const actor = await currentActor();
  if (!actor) return json(401, { error: "unauthenticated" });
  if (!isUuid(id)) return json(404, { error: "not_found" });
  // An empty body comes as no stream at all: the service then says the file is empty.
  const body = (req.body ?? (async function* () {})()) as unknown as AsyncIterable<Uint8Array>;
  try {
    const result = await receive({
      db: db(),
      files: localFileStore(e.filesDir),
      actor,
      id,
      name: decoded(req.headers.get("x-file-name"), defaultName),
      body,
      header: (name) => decoded(req.headers.get(name), ""),
    });
    return json(200, result);
  } catch (error) {
    if (isDomainError(error)) {
      const status = error.code === "NOT_FOUND" ? 404 : error.code === "FORBIDDEN" ? 403 : 400;
      // A refusal's key (validation, conflict) or the error's code ("not_found", "forbidden").
      const key = status === 400 ? error.message : error.code.toLowerCase();
      return json(status, { error: key, params: error.params ?? {} });
    }
    throw error;
  }
}
