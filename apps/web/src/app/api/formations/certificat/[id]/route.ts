// A certificate of completion: the person, their body's agents, staff (checked in the service). The
// first download issues it (the session's history says so, at the app's clock).
import { certificatePdf } from "@mutuo/core/training";
import { now } from "../../../../../server/clock.ts";
import { download } from "../../../../../server/download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return download((await params).id, (db, files, actor, id) => certificatePdf(db, files, actor, id, now()));
}
