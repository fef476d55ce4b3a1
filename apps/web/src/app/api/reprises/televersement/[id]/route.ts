// Upload of a data-migration file, streamed from the request body into the file store (never held
// whole in memory). Outside the proxy (which would buffer the body): the cross-site refusal and the
// security headers are applied here.
import { isDomainError } from "@mutuo/core/errors";
import { localFileStore } from "@mutuo/core/files";
import { receiveFile } from "@mutuo/core/migrations";
import { env } from "../../../../../env.ts";
import { isUuid } from "../../../../../lib/ids.ts";
import { crossSiteRefusal, securityHeaders } from "../../../../../server/http-policy.ts";
import { now } from "../../../../../server/clock.ts";
import { db } from "../../../../../server/db.ts";
import { currentActor } from "../../../../../server/session.ts";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
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
  const id = (await params).id;
  if (!isUuid(id)) return json(404, { error: "not_found" });
  // An empty body comes as no stream at all: the service then says the file is empty.
  const body = (req.body ?? (async function* () {})()) as unknown as AsyncIterable<Uint8Array>;
  let name = "fichier.csv";
  try {
    name = decodeURIComponent(req.headers.get("x-file-name") ?? name);
  } catch {
    /* keep the default name */
  }
  try {
    const file = await receiveFile(
      db(),
      localFileStore(e.filesDir),
      actor,
      {
        jobId: id,
        name,
        body,
        maxBytes: e.migrationMaxBytes,
      },
      now(),
    );
    return json(200, file);
  } catch (error) {
    if (isDomainError(error)) {
      const status = error.code === "NOT_FOUND" ? 404 : error.code === "FORBIDDEN" ? 403 : 400;
      return json(status, { error: error.message, params: error.params ?? {} });
    }
    throw error;
  }
}
