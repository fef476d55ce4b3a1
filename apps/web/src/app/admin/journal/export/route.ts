// CSV export of the audit trail (administrators), streamed.
import { exportAuditCsv } from "@mutuo/core/audit";
import { parisLocalToDate } from "../../../../lib/paris-time.ts";
import { db } from "../../../../server/db.ts";
import { currentActor } from "../../../../server/session.ts";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const actor = await currentActor();
  if (!actor || actor.role !== "admin") return new Response("Accès refusé", { status: actor ? 403 : 401 });
  const q = new URL(req.url).searchParams;
  const day = (k: string) => (/^\d{4}-\d{2}-\d{2}$/.test(q.get(k) ?? "") ? q.get(k)! : null);
  const from = day("from");
  const to = day("to");
  const rows = exportAuditCsv(db(), actor, {
    actor: q.get("actor")?.slice(0, 100) || undefined,
    entityType: q.get("entityType")?.slice(0, 40) || undefined,
    action: (["create", "update", "delete", "anonymise"].includes(q.get("action") ?? "")
      ? q.get("action")
      : undefined) as "create" | undefined,
    from: from ? parisLocalToDate(`${from}T00:00`) : undefined,
    to: to ? new Date(parisLocalToDate(`${to}T00:00`).getTime() + 86_400_000) : undefined,
  });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="journal-mutuo.csv"',
      "cache-control": "no-store",
    },
  });
}
