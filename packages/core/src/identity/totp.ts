// The second factor (TOTP): enrolment, verification at sign-in, turning it off. Seeds are stored
// sealed under the secret key (secret-box.ts); a seed stored in clear by an earlier version is
// sealed the next time it is used.
import { recordAudit } from "../audit/index.ts";
import { DomainError, invalid } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { authNow, type AuthDeps } from "./auth.ts";
import { newTotpSecret, totpUri, verifyTotp } from "./credentials.ts";
import { isSealed, openSecret, sealSecret } from "./secret-box.ts";
import { markMfaVerified, type SessionInfo } from "./sessions.ts";

export interface TotpDeps extends AuthDeps {
  /** The key sealing TOTP seeds in the database. */
  secretKey: Uint8Array;
}

/** Checks a code against a stored (sealed or legacy) seed. */
function codeMatches(d: TotpDeps, stored: string | null, code: string): boolean {
  return stored !== null && verifyTotp(openSecret(d.secretKey, stored), code, authNow(d));
}

export async function verifySecondFactor(d: TotpDeps, session: SessionInfo, code: string): Promise<void> {
  const user = await d.db.user.findUniqueOrThrow({ where: { id: session.userId } });
  if (!codeMatches(d, user.totpSecret, code)) throw invalid("code", "invalid code");
  if (!isSealed(user.totpSecret!))
    await d.db.user.update({
      where: { id: user.id },
      data: { totpSecret: sealSecret(d.secretKey, user.totpSecret!) },
    });
  await markMfaVerified(d.db, session.id);
}

/** Starts TOTP enrolment: a new secret, kept pending (sealed) until a code confirms it. */
export async function startTotpEnrolment(
  d: TotpDeps,
  session: SessionInfo,
): Promise<{ secret: string; uri: string }> {
  const user = await d.db.user.findUniqueOrThrow({ where: { id: session.userId } });
  const secret = user.totpPending ? openSecret(d.secretKey, user.totpPending) : newTotpSecret();
  if (!user.totpPending || !isSealed(user.totpPending))
    await d.db.user.update({
      where: { id: user.id },
      data: { totpPending: sealSecret(d.secretKey, secret) },
    });
  return { secret, uri: totpUri(secret, user.email) };
}

export async function confirmTotpEnrolment(d: TotpDeps, session: SessionInfo, code: string): Promise<void> {
  const user = await d.db.user.findUniqueOrThrow({ where: { id: session.userId } });
  if (!codeMatches(d, user.totpPending, code)) throw invalid("code", "invalid code");
  const sealed = isSealed(user.totpPending!) ? user.totpPending! : sealSecret(d.secretKey, user.totpPending!);
  await d.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: sealed, totpPending: null } });
    await recordAudit(tx, {
      actor: session.actor,
      channel: "web",
      entityType: "User",
      entityId: user.id,
      action: "update",
      before: { totpEnabled: user.totpSecret !== null },
      after: { totpEnabled: true },
    });
  });
  await markMfaVerified(d.db, session.id);
}

/** Turns the second factor off (not allowed for admins, for whom it is required). */
export async function disableTotp(d: TotpDeps, actor: Actor, code: string): Promise<void> {
  if (actor.role === "admin") throw new DomainError("FORBIDDEN", "second factor required for admins");
  const user = await d.db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!codeMatches(d, user.totpSecret, code)) throw invalid("code", "invalid code");
  await d.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null } });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "User",
      entityId: user.id,
      action: "update",
      before: { totpEnabled: true },
      after: { totpEnabled: false },
    });
  });
}
