// A certificate of completion: the person, their body's agents, staff (checked in the service).
import { certificatePdf } from "@mutuo/core/training";
import { download } from "../../../../../server/download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return download((await params).id, certificatePdf);
}
