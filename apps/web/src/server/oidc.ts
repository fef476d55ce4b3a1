// OpenID Connect client (openid-client), e.g. for ProConnect. Configured by OIDC_* variables.
import * as oidc from "openid-client";
import { env } from "../env.ts";

const g = globalThis as unknown as { __mutuoOidc?: Promise<oidc.Configuration> };

export function oidcConfig(): Promise<oidc.Configuration> | null {
  const c = env().oidc;
  if (!c) return null;
  g.__mutuoOidc ??= oidc
    .discovery(
      new URL(c.issuer),
      c.clientId,
      c.clientSecret,
      undefined,
      c.issuer.startsWith("http://") ? { execute: [oidc.allowInsecureRequests] } : undefined,
    )
    .catch((e: unknown) => {
      g.__mutuoOidc = undefined;
      throw e;
    });
  return g.__mutuoOidc;
}

export function callbackUrl(): string {
  return `${env().baseUrl ?? "http://localhost:3000"}/api/auth/oidc/callback`;
}

export const OIDC_COOKIE = "mutuo_oidc";
export { oidc };
