// Download of a quarantined e-mail's attachment (provider staff only, checked in the service).
import { readIncomingAttachment } from "@mutuo/core/incoming";
import { download } from "../../../../../server/download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return download((await params).id, readIncomingAttachment);
}
