// The HTML version of an e-mail Mutuo sent, as mail clients show it, for administrators.
import { api } from "../../../../../server/api.ts";
import { isUuid, sandboxedHtml } from "../../../../../server/sandboxed-html.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const m = isUuid(id) ? await (await api()).mailbox.get({ id }).catch(() => null) : null;
  return sandboxedHtml(m?.html, { remoteImages: true });
}
