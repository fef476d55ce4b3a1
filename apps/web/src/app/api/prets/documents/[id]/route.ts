// The PDF of a loan's document, for staff and the borrowing body's agents only (404 otherwise).
import { loanDocumentPdf } from "@mutuo/core/loans";
import { download } from "../../../../../server/download.ts";
import { now } from "../../../../../server/clock.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return download((await params).id, async (db, _files, actor, id) => {
    const pdf = await loanDocumentPdf(db, actor, id, now());
    return { name: pdf.fileName, mimeType: "application/pdf", size: pdf.bytes.byteLength, bytes: pdf.bytes };
  });
}
