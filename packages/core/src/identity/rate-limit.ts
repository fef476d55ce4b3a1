// Sign-in throttling: per address (any account) and per account (temporary lock-out).
import type { Db } from "@mutuo/db";

export const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_IP = 20;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const LOCK_MS = 15 * 60_000;

export async function ipIsThrottled(db: Db, ip: string, now: Date): Promise<boolean> {
  const failures = await db.loginAttempt.count({
    where: { ip, success: false, at: { gt: new Date(now.getTime() - WINDOW_MS) } },
  });
  return failures >= MAX_FAILURES_PER_IP;
}

export async function recordAttempt(
  db: Db,
  email: string,
  ip: string,
  success: boolean,
  now: Date,
): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, success, at: now } });
}

/** After a failed password: count it and lock the account once the limit is reached. */
export async function registerFailure(db: Db, userId: string, now: Date): Promise<void> {
  const user = await db.user.update({
    where: { id: userId },
    data: { failedLogins: { increment: 1 } },
    select: { failedLogins: true },
  });
  if (user.failedLogins >= MAX_FAILURES_PER_ACCOUNT) {
    await db.user.update({
      where: { id: userId },
      data: { lockedUntil: new Date(now.getTime() + LOCK_MS), failedLogins: 0 },
    });
  }
}
