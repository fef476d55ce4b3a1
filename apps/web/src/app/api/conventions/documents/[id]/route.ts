// Download of a convention's document, for whoever may see the convention (checked in the service).
import { readConventionDocument } from "@mutuo/core/conventions";
import { download } from "../../../../../server/download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return download((await params).id, readConventionDocument);
}
