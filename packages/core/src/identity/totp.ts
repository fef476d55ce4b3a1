// The second factor (TOTP): enrolment, verification at sign-in, turning it off. Seeds are stored
// sealed under the secret key (secret-box.ts); a seed stored in clear by an earlier version is
// sealed the next time it is used. A code is accepted once: the time step it matched is recorded
// and a code of that step (or an earlier one) is refused afterwards. A recovery code (recovery-codes.ts)
// may stand in for a code at sign-in.
import type { Db } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { DomainError, invalid } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { authNow, type AuthDeps } from "./auth.ts";
import { emailIsLocked, recordAttempt } from "./rate-limit.ts";
import { looksLikeTotp, newTotpSecret, totpStep, totpUri } from "./credentials.ts";
import { issueRecoveryCodes, spendRecoveryCode } from "./recovery-codes.ts";
import { isSealed, openSecret, sealSecret } from "./secret-box.ts";
import { markMfaVerified, type SessionInfo } from "./sessions.ts";

export interface TotpDeps extends AuthDeps {
  /** The key sealing TOTP seeds in the database. */
  secretKey: Uint8Array;
}

/** The step a code matches against a stored (sealed or legacy) seed, if newer than the last used. */
function freshStep(d: TotpDeps, stored: string | null, lastStep: number | null, code: string): number {
  const step = stored === null ? null : totpStep(openSecret(d.secretKey, stored), code, authNow(d));
  if (step === null) throw invalid("code", "invalid code");
  if (lastStep !== null && step <= lastStep) throw invalid("code", "code already used");
  return step;
}

/** Records the step as used, unless a concurrent request used it (or a later one) first. */
async function consumeStep(db: Db, userId: string, step: number): Promise<void> {
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  if (count === 0) throw invalid("code", "code already used");
}

/**
 * At sign-in: a 6-digit code from the app, or one of the person's recovery codes. Each try counts as
 * a sign-in attempt of the person's address: after five wrong ones in a row (password or code), the
 * address is locked for 15 minutes, so a stolen password does not buy unlimited guesses of a code.
 */
export async function verifySecondFactor(
  d: TotpDeps,
  session: SessionInfo,
  code: string,
  client: { ip: string },
): Promise<void> {
  const user = await d.db.user.findUniqueOrThrow({ where: { id: session.userId } });
  const t = authNow(d);
  if (await emailIsLocked(d.db, user.email, t))
    throw new DomainError("RATE_LIMITED", "too many failures for this email");
  try {
    await checkSecondFactor(d, session, user, code);
  } catch (e) {
    if (e instanceof DomainError && e.code === "VALIDATION")
      await recordAttempt(d.db, user.email, client.ip, false, t);
    throw e;
  }
  await recordAttempt(d.db, user.email, client.ip, true, t);
}

async function checkSecondFactor(
  d: TotpDeps,
  session: SessionInfo,
  user: { id: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
): Promise<void> {
  if (!looksLikeTotp(code)) {
    if (!(await spendRecoveryCode(d.db, user.id, code, authNow(d)))) throw invalid("code", "invalid code");
    const left = await d.db.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
    await recordAudit(d.db, {
      actor: session.actor,
      channel: "web",
      entityType: "User",
      entityId: user.id,
      action: "update",
      before: { recoveryCodes: left + 1 },
      after: { recoveryCodes: left, signedInWithRecoveryCode: true },
    });
    await markMfaVerified(d.db, session.id);
    return;
  }
  await consumeStep(d.db, user.id, freshStep(d, user.totpSecret, user.totpLastStep, code));
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

/** Confirms enrolment with a first code; returns the recovery codes, to be shown once. */
export async function confirmTotpEnrolment(
  d: TotpDeps,
  session: SessionInfo,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const user = await d.db.user.findUniqueOrThrow({ where: { id: session.userId } });
  if (user.totpPending === null) throw invalid("code", "invalid code");
  const step = freshStep(d, user.totpPending, null, code);
  const sealed = isSealed(user.totpPending) ? user.totpPending : sealSecret(d.secretKey, user.totpPending);
  const recoveryCodes = await d.db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: sealed, totpPending: null, totpLastStep: step },
    });
    const codes = await issueRecoveryCodes(tx, user.id, authNow(d));
    await recordAudit(tx, {
      actor: session.actor,
      channel: "web",
      entityType: "User",
      entityId: user.id,
      action: "update",
      before: { totpEnabled: user.totpSecret !== null },
      after: { totpEnabled: true, recoveryCodes: codes.length },
    });
    return codes;
  });
  await markMfaVerified(d.db, session.id);
  return { recoveryCodes };
}

/** Turns the second factor off (not allowed for admins, for whom it is required). */
export async function disableTotp(d: TotpDeps, actor: Actor, code: string): Promise<void> {
  if (actor.role === "admin") throw new DomainError("FORBIDDEN", "second factor required for admins");
  const user = await d.db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  await consumeStep(d.db, user.id, freshStep(d, user.totpSecret, user.totpLastStep, code));
  await d.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
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
