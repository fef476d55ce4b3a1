// Download again of a report sent on a schedule (managers; a body's agents: their body's).
import { readRunFile } from "@mutuo/core/reports";
import { download } from "../../../../../server/download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return download((await params).id, readRunFile);
}
