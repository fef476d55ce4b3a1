// The HTML version of an e-mail, as mail clients show it, for administrators. Served sandboxed:
// no script, no form, no navigation from it.
import { api } from "../../../../../server/api.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return new Response("Introuvable", { status: 404 });
  const m = await (await api()).mailbox.get({ id }).catch(() => null);
  if (!m?.html) return new Response("Introuvable", { status: 404 });
  return new Response(m.html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
