import { apiContext } from "../../../server/api.ts";
import { createCaller } from "@mutuo/api";

export const dynamic = "force-dynamic";

/** GET /api/health: JSON about database, migrations and worker; 200 when healthy, 503 otherwise. */
export async function GET() {
  const report = await createCaller(await apiContext()).health.check();
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
