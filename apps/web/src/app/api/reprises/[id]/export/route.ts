import { loadArtifact } from "@mutuo/core/migrations";
import { streamDownload } from "../../../../../server/migration-download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return streamDownload((await params).id, (db, files, actor, id) =>
    loadArtifact(db, files, actor, { id }, "export"),
  );
}
