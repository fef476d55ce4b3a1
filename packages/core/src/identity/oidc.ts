// OpenID Connect sign-in (e.g. ProConnect): the `siret` claim attaches the person to the partner
// body with that SIRET. First sign-in creates the account as an agent of that body.
import type { Db } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { DomainError } from "../errors/index.ts";
import { createSession } from "./sessions.ts";

export interface OidcClaims {
  issuer: string;
  sub: string;
  email?: string;
  givenName?: string;
  familyName?: string;
  siret?: string;
}

export async function signInWithOidc(
  db: Db,
  claims: OidcClaims,
  client: { ip: string; userAgent?: string },
  now: Date = new Date(),
) {
  let user = await db.user.findUnique({
    where: { oidcIssuer_oidcSubject: { oidcIssuer: claims.issuer, oidcSubject: claims.sub } },
  });
  if (!user) {
    const siret = claims.siret?.replace(/\s/g, "");
    if (!siret) throw new DomainError("FORBIDDEN", "no siret claim", { field: "siret" });
    const body = await db.body.findUnique({ where: { siret } });
    if (!body || body.kind === "provider" || body.status !== "active") {
      throw new DomainError("FORBIDDEN", "no partner body with this SIRET", {
        field: "siret",
        params: { siret },
      });
    }
    const email = claims.email?.trim().toLowerCase();
    if (!email) throw new DomainError("FORBIDDEN", "no email claim", { field: "email" });
    const name = [claims.givenName, claims.familyName].filter(Boolean).join(" ") || email;
    user = await db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email }, include: { memberships: true } });
      if (existing) {
        // Link an existing account only if it is an agent of that very body.
        if (
          existing.role !== "agent" ||
          !existing.memberships.some((m) => m.bodyId === body.id) ||
          existing.oidcSubject
        ) {
          throw new DomainError("CONFLICT", "an account already uses this e-mail", { field: "email" });
        }
        const linked = await tx.user.update({
          where: { id: existing.id },
          data: { oidcIssuer: claims.issuer, oidcSubject: claims.sub },
        });
        await recordAudit(tx, {
          actor: { system: "OpenID Connect" },
          channel: "oidc",
          entityType: "User",
          entityId: linked.id,
          bodyId: body.id,
          action: "update",
          before: { oidcIssuer: null },
          after: { oidcIssuer: claims.issuer },
        });
        return linked;
      }
      const created = await tx.user.create({
        data: {
          email,
          name,
          role: "agent",
          oidcIssuer: claims.issuer,
          oidcSubject: claims.sub,
          memberships: { create: { bodyId: body.id } },
        },
      });
      await recordAudit(tx, {
        actor: { system: "OpenID Connect" },
        channel: "oidc",
        entityType: "User",
        entityId: created.id,
        bodyId: body.id,
        action: "create",
        after: { email, name, role: "agent", bodyId: body.id },
      });
      return created;
    });
  }
  if (!user.active || user.anonymisedAt) throw new DomainError("FORBIDDEN", "account disabled");
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  // The identity provider vouches for the person; a local second factor still applies if enrolled.
  const mfaRequired = user.totpSecret !== null;
  const session = await createSession(db, user.id, {
    mfaVerified: !mfaRequired,
    ip: client.ip,
    userAgent: client.userAgent,
    now,
  });
  return { ...session, next: mfaRequired ? ("mfa" as const) : ("home" as const) };
}
