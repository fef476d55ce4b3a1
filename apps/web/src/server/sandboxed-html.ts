// An e-mail's HTML served for reading in the app: under a sandbox CSP (no script, no form, no
// navigation from it, never framed), private, never sniffed. `remoteImages`: our own e-mails show
// the provider's logo. The proxy (src/proxy.ts) leaves this policy in place on these paths.
export const isSandboxedHtmlPath = (pathname: string) =>
  /^\/(admin\/courriels|courriels-entrants)\/[^/]+\/html\/?$/.test(pathname);

export function sandboxedHtml(html: string | null | undefined, opts: { remoteImages: boolean }): Response {
  if (!html) return new Response("Introuvable", { status: 404 });
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `sandbox; default-src 'none'; img-src ${opts.remoteImages ? "https: " : ""}data:; style-src 'unsafe-inline'; frame-ancestors 'none'`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}

export { isUuid } from "../lib/ids.ts";
