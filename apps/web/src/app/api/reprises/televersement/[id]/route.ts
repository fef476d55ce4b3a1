// Upload of a data-migration file, streamed from the request body into the file store (never held
// whole in memory). Outside the proxy (which would buffer the body): see server/streamed-upload.ts.
import { receiveFile } from "@mutuo/core/migrations";
import { env } from "../../../../../env.ts";
import { now } from "../../../../../server/clock.ts";
import { streamedUpload } from "../../../../../server/streamed-upload.ts";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return streamedUpload(req, (await params).id, "fichier.csv", (r) =>
    receiveFile(
      r.db,
      r.files,
      r.actor,
      { jobId: r.id, name: r.name, body: r.body, maxBytes: env().migrationMaxBytes },
      now(),
    ),
  );
}
