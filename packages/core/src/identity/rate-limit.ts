// Sign-in throttling: per client address (any account) and per e-mail address (temporary lock-out,
// 15 minutes after the fifth failure in a row).
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

/**
 * Whether sign-in with this e-mail address is locked: its last MAX_FAILURES_PER_ACCOUNT attempts,
 * all within LOCK_MS, failed. Decided from the attempts alone, so an address without an account
 * locks exactly like one with an account (the answer reveals nothing), and a success ends the run.
 */
export async function emailIsLocked(db: Db, email: string, now: Date): Promise<boolean> {
  const recent = await db.loginAttempt.findMany({
    where: { email, at: { gt: new Date(now.getTime() - LOCK_MS) } },
    orderBy: { at: "desc" },
    take: MAX_FAILURES_PER_ACCOUNT,
    select: { success: true },
  });
  return recent.length === MAX_FAILURES_PER_ACCOUNT && recent.every((a) => !a.success);
}
