// Download of a background export, streamed: its requester only, while it is kept (NOT_FOUND otherwise).
import { readExportFile } from "@mutuo/core/reports";
import { now } from "../../../../../../server/clock.ts";
import { streamDownload } from "../../../../../../server/migration-download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return streamDownload((await params).id, (db, files, actor, id) =>
    readExportFile(db, files, actor, id, now()),
  );
}
