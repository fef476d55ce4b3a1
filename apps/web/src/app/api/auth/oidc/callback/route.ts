import { cookies } from "next/headers";
import { DomainError } from "@mutuo/core/errors";
import { signInWithOidc } from "@mutuo/core/identity";
import { env } from "../../../../../env.ts";
import { safeNextPath, signInPath } from "../../../../../lib/next-path.ts";
import { db } from "../../../../../server/db.ts";
import { callbackUrl, oidc, OIDC_COOKIE, oidcConfig } from "../../../../../server/oidc.ts";
import { clientInfo, setSessionCookie } from "../../../../../server/session.ts";

export const dynamic = "force-dynamic";

const base = () => env().baseUrl ?? "http://localhost:3000";
const fail = (code: string) => Response.redirect(`${base()}/connexion?erreur=${code}`, 302);

export async function GET(req: Request) {
  const config = oidcConfig();
  if (!config) return new Response("OpenID Connect is not configured", { status: 404 });
  const jar = await cookies();
  const saved = jar.get(OIDC_COOKIE)?.value;
  jar.delete(OIDC_COOKIE);
  if (!saved) return fail("generic");
  const { verifier, state, nonce, next } = JSON.parse(saved) as {
    verifier: string;
    state: string;
    nonce: string;
    next?: unknown;
  };
  // Checked again: the cookie is ours, but a path is only ever followed once proven relative.
  const destination = safeNextPath(next);
  try {
    const cfg = await config;
    // Behind a proxy the request URL may differ from the public one: rebuild it on the callback URL.
    const current = new URL(callbackUrl());
    current.search = new URL(req.url).search;
    const tokens = await oidc.authorizationCodeGrant(cfg, current, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    const sub = tokens.claims()!.sub;
    const info = await oidc.fetchUserInfo(cfg, tokens.access_token, sub);
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    const result = await signInWithOidc(
      db(),
      {
        issuer: cfg.serverMetadata().issuer,
        sub,
        email: str(info.email),
        givenName: str(info.given_name),
        familyName: str(info.usual_name) ?? str(info.family_name),
        siret: str(info.siret),
      },
      await clientInfo(),
    );
    await setSessionCookie(result.token, result.expiresAt);
    const target =
      result.next === "mfa" ? signInPath(destination, "/connexion/verification") : (destination ?? "/");
    return Response.redirect(`${base()}${target}`, 302);
  } catch (e) {
    if (e instanceof DomainError)
      return fail(
        e.code === "CONFLICT" ? "conflict" : e.message === "account disabled" ? "disabled" : "no_body",
      );
    console.error("[web] OpenID Connect sign-in failed", e);
    return fail("generic");
  }
}
