// Download of a ticket attachment, for whoever may see it (checked in the service: partners never
// get an internal note's files).
import { readTicketAttachment } from "@mutuo/core/tickets";
import { download } from "../../../../../server/download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return download((await params).id, readTicketAttachment);
}
