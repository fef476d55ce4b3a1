// Runs before every request (Next.js 16's proxy, formerly middleware): refuses requests that would
// change something on behalf of another site, and puts the security headers on every response,
// with a fresh Content-Security-Policy nonce that Next.js applies to its own scripts; passes the
// requested path to the server components, so that a page asking for a sign-in can send the person
// back to it afterwards.
import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "./env.ts";
import { PATH_HEADER } from "./lib/next-path.ts";
import { forwardedOverHttps, PEER_HEADER } from "./server/client-address.ts";
import { contentSecurityPolicy, crossSiteRefusal, securityHeaders } from "./server/http-policy.ts";
import { malformedPathResponse } from "./server/malformed-url.ts";
import { isSandboxedHtmlPath } from "./server/sandboxed-html.ts";

export function proxy(request: NextRequest) {
  // A path whose percent-encoding is not UTF-8 would crash Next's routing: our French 404 instead.
  const malformed = malformedPathResponse(request);
  if (malformed) return malformed;
  const e = env();
  const h = request.headers;
  const https =
    e.https || forwardedOverHttps(h.get(PEER_HEADER), h.get("x-forwarded-proto"), e.trustedProxies);
  const headers = securityHeaders({ https });

  const refusal = crossSiteRefusal(
    {
      method: request.method,
      origin: h.get("origin"),
      secFetchSite: h.get("sec-fetch-site"),
      host: h.get("host"),
    },
    e.baseUrl,
  );
  if (refusal)
    return new NextResponse(refusal, {
      status: 403,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });

  // E-mails' HTML is served under its own sandbox policy (sandboxed-html.ts), which must not be replaced.
  if (isSandboxedHtmlPath(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
    return response;
  }

  const nonce = randomBytes(16).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: !e.production, https });
  const requestHeaders = new Headers(h);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

export const config = {
  // Everything but the build's static files (hashed names, no HTML).
  // Data-migration files and course materials are streamed: a proxy would buffer their bodies (and cut
  // them at 10 MB). Their routes apply the same cross-site refusal and headers themselves
  // (server/streamed-upload.ts). Only a well-formed id skips the proxy: a malformed path still gets
  // the proxy's 400/404.
  matcher: [
    "/((?!_next/static|_next/image|api/reprises/televersement/[0-9a-fA-F-]+$|api/formations/supports/televersement/[0-9a-fA-F-]+$).*)",
  ],
};
