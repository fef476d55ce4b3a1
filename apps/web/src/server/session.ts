// The session cookie: an opaque random token, httpOnly, SameSite=Lax, Secure over HTTPS.
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { resolveSession, type Actor, type SessionInfo } from "@mutuo/core/identity";
import { env } from "../env.ts";
import { PATH_HEADER, signInPath } from "../lib/next-path.ts";
import { clientAddress, PEER_HEADER } from "./client-address.ts";
import { db } from "./db.ts";
import { timeSession } from "./timing.ts";

export const SESSION_COOKIE = "mutuo_session";

export const currentSession = cache(async (): Promise<SessionInfo | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return timeSession(() => resolveSession(db(), token));
});

/** The signed-in actor (second factor passed), or null. */
export async function currentActor(): Promise<Actor | null> {
  const s = await currentSession();
  return s && (!s.mfaRequired || s.mfaVerified) ? s.actor : null;
}

/**
 * For pages that need a signed-in person: sends others to the sign-in page, which brings them
 * back to the page they asked for.
 */
export async function requireActorOrRedirect(): Promise<Actor> {
  const s = await currentSession();
  const here = (await headers()).get(PATH_HEADER);
  if (!s) redirect(signInPath(here));
  if (s.mfaRequired && !s.mfaVerified)
    redirect(signInPath(here, s.totpEnrolled ? "/connexion/verification" : "/connexion/double-facteur"));
  return s.actor;
}

/** For pages of provider staff only: a partner agent gets the 404 of a page that does not exist. */
export async function requireStaffOrNotFound(): Promise<Actor> {
  const actor = await requireActorOrRedirect();
  if (actor.role === "agent") notFound();
  return actor;
}

/** For pages of some roles only (e.g. managers and admins): anyone else gets a 404. */
export async function requireRoleOrNotFound(...roles: Actor["role"][]): Promise<Actor> {
  const actor = await requireActorOrRedirect();
  if (!roles.includes(actor.role)) notFound();
  return actor;
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  const secure = (env().baseUrl ?? "").startsWith("https://");
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/** The client's address (see client-address.ts: forwarded headers count only from TRUSTED_PROXIES). */
export async function clientInfo(): Promise<{ ip: string; userAgent?: string }> {
  const h = await headers();
  const ip = clientAddress(
    { peer: h.get(PEER_HEADER), forwardedFor: h.get("x-forwarded-for"), realIp: h.get("x-real-ip") },
    env().trustedProxies,
  );
  return { ip, userAgent: h.get("user-agent") ?? undefined };
}
