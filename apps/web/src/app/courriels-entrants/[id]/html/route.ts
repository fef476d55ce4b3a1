// A received e-mail's HTML, sanitised at reception and served sandboxed with no remote content: a
// second wall in case the cleaning missed something.
import { api } from "../../../../server/api.ts";
import { isUuid, sandboxedHtml } from "../../../../server/sandboxed-html.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const m = isUuid(id) ? await (await api()).incoming.get({ id }).catch(() => null) : null;
  return sandboxedHtml(
    m?.html
      ? `<!doctype html><meta charset="utf-8"><title>${m.subject.replace(/[<>&"]/g, "")}</title>${m.html}`
      : null,
    { remoteImages: false },
  );
}
