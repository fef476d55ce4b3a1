import { cookies } from "next/headers";
import { env } from "../../../../../env.ts";
import { NEXT_PARAM, safeNextPath } from "../../../../../lib/next-path.ts";
import { callbackUrl, oidc, OIDC_COOKIE, oidcConfig } from "../../../../../server/oidc.ts";

export const dynamic = "force-dynamic";

/** Starts an OpenID Connect sign-in: PKCE, state and nonce kept in a short-lived httpOnly cookie,
 * with the page to return to (a path of this site only, `?suite=`), so the callback brings the
 * person back where they were going. */
export async function GET(req: Request) {
  const config = oidcConfig();
  if (!config) return new Response("OpenID Connect is not configured", { status: 404 });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const next = safeNextPath(new URL(req.url).searchParams.get(NEXT_PARAM));
  const url = oidc.buildAuthorizationUrl(await config, {
    redirect_uri: callbackUrl(),
    scope: env().oidc!.scopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  (await cookies()).set(OIDC_COOKIE, JSON.stringify({ verifier, state, nonce, next }), {
    httpOnly: true,
    sameSite: "lax",
    path: "/api/auth/oidc",
    maxAge: 600,
  });
  return Response.redirect(url.href, 302);
}
