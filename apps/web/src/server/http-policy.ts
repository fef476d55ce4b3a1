// What every response carries (Content-Security-Policy and the other security headers) and which
// requests that change something are let in (same origin only). Pure functions, used by src/proxy.ts.

export interface PolicyOptions {
  /** Next's development server needs eval (React Refresh) and injects styles without a nonce. */
  dev: boolean;
  /** Served over HTTPS (MUTUO_BASE_URL, or X-Forwarded-Proto from a trusted proxy). */
  https: boolean;
}

/**
 * A strict policy: scripts only with this response's nonce (Next.js puts it on its own scripts when
 * it finds it in the request's Content-Security-Policy) and what they load. Styles: our stylesheets
 * and inline styles — the component libraries insert <style> elements at run time without a nonce
 * (sonner's toasts, the scroll lock of Radix dialogs), and a nonce in style-src would disable
 * 'unsafe-inline'. Styles cannot run code; scripts stay nonce-only.
 */
export function contentSecurityPolicy(nonce: string, o: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${o.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    ...(o.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The other security headers, on every response. */
export function securityHeaders(o: Pick<PolicyOptions, "https">): Record<string, string> {
  return {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "permissions-policy":
      "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
    ...(o.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RequestFacts {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  /** The Host header: the request's own host. */
  host: string | null;
}

/**
 * Why a request that may change something is refused (null: accepted). A browser names the page that
 * sent it in `Origin` (or at least `Sec-Fetch-Site`); it must be MUTUO_BASE_URL's origin or the host the
 * request was sent to. A request with neither comes from a program, not from a page on another site.
 */
export function crossSiteRefusal(r: RequestFacts, baseUrl: string | undefined): string | null {
  if (SAFE_METHODS.has(r.method.toUpperCase())) return null;
  if (r.origin !== null) {
    if (r.origin === "null") return REFUSED.crossSite;
    let origin: URL;
    try {
      origin = new URL(r.origin);
    } catch {
      return REFUSED.crossSite;
    }
    const ours = baseUrl ? new URL(baseUrl).origin : null;
    if (origin.origin === ours) return null;
    if (r.host && origin.host.toLowerCase() === r.host.toLowerCase()) return null;
    return REFUSED.crossSite;
  }
  if (r.secFetchSite !== null && r.secFetchSite !== "same-origin" && r.secFetchSite !== "none")
    return REFUSED.crossSite;
  return null;
}

/** The API accepts what its client sends: JSON. A form (urlencoded, multipart, text) needs no preflight. */
export function apiContentTypeRefusal(method: string, contentType: string | null): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "application/json" ? null : REFUSED.contentType;
}

export const REFUSED = {
  crossSite: "Requête refusée : elle ne provient pas d'une page de Mutuo.",
  contentType: "Requête refusée : l'API n'accepte que du JSON (Content-Type: application/json).",
} as const;
