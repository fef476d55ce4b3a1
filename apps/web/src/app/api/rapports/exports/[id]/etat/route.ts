// The live status of a background export, polled by « Mes exports » while it is being prepared.
import { getExport } from "@mutuo/core/reports";
import { now } from "../../../../../../server/clock.ts";
import { pollRoute } from "../../../../../../server/poll-route.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return pollRoute((await params).id, async (db, actor, id) => {
    const e = await getExport(db, actor, { id }, now());
    return { status: e.status, progress: e.progress, rowsDone: e.rowsDone, rowsTotal: e.rowsTotal };
  });
}
