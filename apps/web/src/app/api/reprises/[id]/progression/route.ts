// The live progress of a job, polled every second by its page.
import { jobProgress } from "@mutuo/core/migrations";
import { pollRoute } from "../../../../../server/poll-route.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return pollRoute((await params).id, (db, actor, id) => jobProgress(db, actor, { id }));
}
