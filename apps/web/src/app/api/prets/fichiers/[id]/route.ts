// A proof of insurance or an insurer's answer, for staff and the borrowing body's agents only.
import { readLossFile } from "@mutuo/core/loans";
import { download } from "../../../../../server/download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return download((await params).id, readLossFile);
}
