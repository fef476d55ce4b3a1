// Second-factor recovery: 10 single-use codes given at TOTP enrolment (and again on demand), kept
// only as argon2id hashes; and an administrator's reset of another person's second factor.
import type { Db, DbTx } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { DomainError, forbidden, notFound } from "../errors/index.ts";
import { canManagePeople, type Actor } from "../access/index.ts";
import { hashPassword, newRecoveryCode, normalizeRecoveryCode, verifyHashed } from "./credentials.ts";
import { revokeAllSessions } from "./sessions.ts";

export const RECOVERY_CODE_COUNT = 10;

/** Replaces the person's recovery codes with new ones; returns them in clear, to be shown once. */
export async function issueRecoveryCodes(tx: DbTx, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })),
  });
  return codes;
}

export async function countRecoveryCodes(db: Db, userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

/**
 * Uses one of the person's recovery codes: true if it matched an unused one, which is then spent
 * (atomically: the same code presented twice at once is accepted once).
 */
export async function spendRecoveryCode(db: Db, userId: string, input: string, now: Date): Promise<boolean> {
  const code = normalizeRecoveryCode(input);
  if (!code) return false;
  const unused = await db.recoveryCode.findMany({
    where: { userId, usedAt: null },
    select: { id: true, codeHash: true },
  });
  const matches = await Promise.all(unused.map((r) => verifyHashed(r.codeHash, code)));
  const hit = unused[matches.indexOf(true)];
  if (!hit) return false;
  const { count } = await db.recoveryCode.updateMany({
    where: { id: hit.id, usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

/** The signed-in person gets a new set of codes (the old ones stop working). */
export async function regenerateRecoveryCodes(db: Db, actor: Actor, now: Date): Promise<string[]> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { totpSecret: true },
  });
  if (user.totpSecret === null) throw new DomainError("FORBIDDEN", "second factor not enrolled");
  return db.$transaction(async (tx) => {
    const left = await tx.recoveryCode.count({ where: { userId: actor.userId, usedAt: null } });
    const codes = await issueRecoveryCodes(tx, actor.userId, now);
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "User",
      entityId: actor.userId,
      action: "update",
      before: { recoveryCodes: left },
      after: { recoveryCodes: codes.length },
    });
    return codes;
  });
}

/**
 * An administrator turns another person's second factor off (a lost phone): seed, pending seed and
 * recovery codes are removed and the person's sessions closed. An administrator will enrol again at
 * the next sign-in, as is required of them.
 */
export async function resetSecondFactor(db: Db, actor: Actor, userId: string, now: Date): Promise<void> {
  if (!canManagePeople(actor)) throw forbidden("requires role admin");
  if (userId === actor.userId) throw forbidden("cannot reset one's own second factor");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, totpSecret: true, totpPending: true, anonymisedAt: true },
  });
  if (!user || user.anonymisedAt) throw notFound("person");
  await db.$transaction(async (tx) => {
    const codes = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpPending: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await revokeAllSessions(tx, userId, now);
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "User",
      entityId: userId,
      action: "update",
      before: { totpEnabled: user.totpSecret !== null, recoveryCodes: codes },
      after: { totpEnabled: false, recoveryCodes: 0, secondFactorReset: true },
    });
  });
}
