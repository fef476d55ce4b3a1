// The issued statement's PDF, for managers and the agents of its body (checked in the service).
import { readStatementPdf } from "@mutuo/core/billing";
import { download } from "../../../../../server/download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return download((await params).id, readStatementPdf);
}
