// A received e-mail's HTML, already sanitised at reception, served under a script-free sandbox with
// no remote content: a second wall in case the cleaning missed something.
import { api } from "../../../../server/api.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return new Response("Introuvable", { status: 404 });
  const m = await (await api()).incoming.get({ id }).catch(() => null);
  if (!m?.html) return new Response("Introuvable", { status: 404 });
  return new Response(`<!doctype html><meta charset="utf-8"><title>${m.subject.replace(/[<>&"]/g, "")}</title>${m.html}`, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
