// Signing in and out, second factor, invitations and password resets.
import { z } from "zod";
import type { Db, DbTx } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { DomainError, invalid, unauthenticated } from "../errors/index.ts";
import { enqueueMail } from "../notifications/index.ts";
import type { Actor } from "../access/index.ts";
import { hashPassword, newToken, tokenId, verifyPassword } from "./credentials.ts";
import { emailIsLocked, ipIsThrottled, recordAttempt } from "./rate-limit.ts";
import { password as passwordSchema, signInInput } from "./schema.ts";
import { createSession, revokeAllSessions, type SessionInfo } from "./sessions.ts";

export interface AuthDeps {
  db: Db;
  now?: () => Date;
}

export const INVITATION_TTL_DAYS = 7;
export const RESET_TTL_MINUTES = 60;
/** The current instant of the sign-in services (tests may set it). */
export const authNow = (d: AuthDeps) => d.now?.() ?? new Date();

export type SignInResult = { token: string; expiresAt: Date; next: "home" | "mfa" | "enrol-mfa" };

export async function signIn(
  d: AuthDeps,
  raw: { email: string; password: string },
  client: { ip: string; userAgent?: string },
): Promise<SignInResult> {
  const { email, password } = signInInput.parse(raw);
  const t = authNow(d);
  if (await ipIsThrottled(d.db, client.ip, t))
    throw new DomainError("RATE_LIMITED", "too many attempts from this address");
  const user = await d.db.user.findUnique({ where: { email } });
  // Same queries, same hashing cost and same answer whether or not the address has an account.
  if (await emailIsLocked(d.db, email, t)) {
    await verifyPassword(null, password);
    throw new DomainError("RATE_LIMITED", "too many failures for this email");
  }
  const ok = await verifyPassword(user?.active && !user.anonymisedAt ? user.passwordHash : null, password);
  await recordAttempt(d.db, email, client.ip, ok, t);
  if (!ok || !user) throw unauthenticated();
  await d.db.user.update({
    where: { id: user.id },
    data: { failedLogins: 0, lockedUntil: null, lastLoginAt: t },
  });
  const mfaRequired = user.totpSecret !== null || user.role === "admin";
  const session = await createSession(d.db, user.id, {
    mfaVerified: !mfaRequired,
    ip: client.ip,
    userAgent: client.userAgent,
    now: t,
  });
  return { ...session, next: !mfaRequired ? "home" : user.totpSecret ? "mfa" : "enrol-mfa" };
}

export async function changePassword(
  d: AuthDeps,
  session: SessionInfo,
  current: string,
  next: string,
): Promise<void> {
  const user = await d.db.user.findUniqueOrThrow({ where: { id: session.userId } });
  if (!(await verifyPassword(user.passwordHash, current))) throw invalid("currentPassword", "wrong password");
  const { password: valid } = z.object({ password: passwordSchema }).parse({ password: next });
  const hash = await hashPassword(valid);
  await d.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: hash } });
    await revokeAllSessions(tx, user.id, authNow(d), session.id);
    await recordAudit(tx, {
      actor: session.actor,
      channel: "web",
      entityType: "User",
      entityId: user.id,
      action: "update",
      before: { passwordHash: user.passwordHash },
      after: { passwordHash: hash },
    });
  });
}

/** Sends a single-use invitation link (also used to re-send one). */
export async function sendInvitation(
  d: AuthDeps,
  tx: DbTx,
  user: { id: string; email: string; name: string; locale: string },
  inviter: Actor,
): Promise<void> {
  const { token, id } = newToken();
  await tx.authToken.create({
    data: {
      id,
      kind: "invitation",
      userId: user.id,
      createdById: inviter.userId,
      expiresAt: new Date(authNow(d).getTime() + INVITATION_TTL_DAYS * 86400_000),
    },
  });
  // The link's token leaves in the e-mail only; the outbox forgets it once sent (see deliverBatch).
  await enqueueMail(tx, {
    dedupKey: `identity.invitation:${id}`,
    template: "identity.invitation",
    to: user.email,
    toUserId: user.id,
    locale: user.locale,
    data: {
      name: user.name,
      inviter: inviter.name,
      path: `/invitation/${token}`,
      expiresInDays: INVITATION_TTL_DAYS,
    },
  });
}

async function consumeToken(d: AuthDeps, token: string, kind: "invitation" | "password_reset") {
  const row = await d.db.authToken.findUnique({ where: { id: tokenId(token) }, include: { user: true } });
  if (
    !row ||
    row.kind !== kind ||
    row.usedAt ||
    row.expiresAt <= authNow(d) ||
    !row.user.active ||
    row.user.anonymisedAt
  ) {
    throw new DomainError("NOT_FOUND", "link invalid or expired", { field: "token" });
  }
  return row;
}

export async function describeToken(
  d: AuthDeps,
  token: string,
  kind: "invitation" | "password_reset",
): Promise<{ name: string; email: string }> {
  const row = await consumeToken(d, token, kind);
  return { name: row.user.name, email: row.user.email };
}

/** Accepts an invitation or a reset link: sets the password, uses the link, signs out elsewhere. */
/**
 * Sets a password from a single-use link. An accepted invitation signs the person in (a new
 * session, second factor still to pass where required); a reset closes every session and asks
 * for a sign-in. A password too short is reported on the `password` field.
 */
export async function setPasswordWithToken(
  d: AuthDeps,
  token: string,
  kind: "invitation" | "password_reset",
  newPassword: string,
  client?: { ip: string; userAgent?: string },
): Promise<SignInResult | null> {
  const { password: pwd } = z.object({ password: passwordSchema }).parse({ password: newPassword });
  const row = await consumeToken(d, token, kind);
  const hash = await hashPassword(pwd);
  const t = authNow(d);
  await d.db.$transaction(async (tx) => {
    const used = await tx.authToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: t },
    });
    if (used.count === 0) throw new DomainError("NOT_FOUND", "link already used", { field: "token" });
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash: hash, failedLogins: 0, lockedUntil: null },
    });
    await revokeAllSessions(tx, row.userId, t);
    const self: Actor = {
      userId: row.userId,
      name: row.user.name,
      role: row.user.role,
      bodyIds: [],
      activeBodyId: null,
    };
    await recordAudit(tx, {
      actor: self,
      channel: "email",
      entityType: "User",
      entityId: row.userId,
      action: "update",
      before: { passwordHash: row.user.passwordHash },
      after: { passwordHash: hash },
    });
  });
  if (kind !== "invitation" || !client) return null;
  const mfaRequired = row.user.totpSecret !== null || row.user.role === "admin";
  await d.db.user.update({ where: { id: row.userId }, data: { lastLoginAt: t } });
  const session = await createSession(d.db, row.userId, {
    mfaVerified: !mfaRequired,
    ip: client.ip,
    userAgent: client.userAgent,
    now: t,
  });
  return { ...session, next: !mfaRequired ? "home" : row.user.totpSecret ? "mfa" : "enrol-mfa" };
}

/** Always answers the same way, whether or not the address is known. */
export async function requestPasswordReset(d: AuthDeps, email: string): Promise<void> {
  const parsed = signInInput.shape.email.safeParse(email);
  if (!parsed.success) throw invalid("email", "invalid email");
  const user = await d.db.user.findUnique({ where: { email: parsed.data } });
  if (!user || !user.active || user.anonymisedAt || !user.passwordHash) return;
  const { token, id } = newToken();
  await d.db.$transaction(async (tx) => {
    await tx.authToken.create({
      data: {
        id,
        kind: "password_reset",
        userId: user.id,
        expiresAt: new Date(authNow(d).getTime() + RESET_TTL_MINUTES * 60_000),
      },
    });
    await enqueueMail(tx, {
      dedupKey: `identity.reset:${id}`,
      template: "identity.reset",
      to: user.email,
      toUserId: user.id,
      locale: user.locale,
      data: { name: user.name, path: `/reinitialisation/${token}`, expiresInMinutes: RESET_TTL_MINUTES },
    });
  });
}
