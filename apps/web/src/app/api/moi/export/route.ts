import { api } from "../../../../server/api.ts";

export const dynamic = "force-dynamic";

/** The signed-in person's data, as a JSON file (RGPD right of access). */
export async function GET() {
  const data = await (await api()).me.exportData().catch(() => null);
  if (!data) return new Response("Unauthorized", { status: 401 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": 'attachment; filename="mes-donnees-mutuo.json"',
      "cache-control": "no-store",
    },
  });
}
