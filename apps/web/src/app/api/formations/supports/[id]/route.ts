// Download of a course's material, streamed: staff and the agents who may attend the course (checked
// in the service, NOT_FOUND for anyone else).
import { readMaterial } from "@mutuo/core/training";
import { now } from "../../../../../server/clock.ts";
import { streamDownload } from "../../../../../server/migration-download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return streamDownload((await params).id, (db, files, actor, id) =>
    readMaterial(db, files, actor, id, now()),
  );
}
