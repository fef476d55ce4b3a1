// The acceptance report (procès-verbal de recette) of a signed-off data migration.
import { Readable } from "node:stream";
import { acceptanceReport } from "@mutuo/core/migrations";
import { streamDownload } from "../../../../../server/migration-download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return streamDownload((await params).id, async (db, _files, actor, id) => {
    const pdf = await acceptanceReport(db, actor, { id });
    return {
      name: pdf.name,
      mimeType: "application/pdf",
      size: pdf.bytes.length,
      stream: Readable.from([pdf.bytes]),
    };
  });
}
