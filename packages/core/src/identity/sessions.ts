// Server-side sessions: the cookie carries a random token, the database its SHA-256. Revocable one
// by one or all at once ("sign out everywhere").
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { newToken, tokenId } from "./credentials.ts";

export const SESSION_TTL_MS = 7 * 24 * 3600_000;
const TOUCH_EVERY_MS = 5 * 60_000;

export interface SessionInfo {
  id: string;
  userId: string;
  mfaVerified: boolean;
  /** Whether this user must present (or enrol) a second factor before going further. */
  mfaRequired: boolean;
  totpEnrolled: boolean;
  actor: Actor;
}

export async function createSession(
  db: Db,
  userId: string,
  opts: { mfaVerified: boolean; ip?: string; userAgent?: string; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = opts.now ?? new Date();
  const { token, id } = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.session.create({
    data: {
      id,
      userId,
      mfaVerified: opts.mfaVerified,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: opts.ip?.slice(0, 64),
      userAgent: opts.userAgent?.slice(0, 300),
    },
  });
  return { token, expiresAt };
}

/** The session of a cookie token, if valid; slides its expiry as the person uses it. */
interface SessionRow {
  id: string;
  mfaVerified: boolean;
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
  activeBodyId: string | null;
  userId: string;
  name: string;
  role: Actor["role"];
  active: boolean;
  anonymisedAt: Date | null;
  totpSecret: string | null;
  bodyIds: string[];
}

export async function resolveSession(
  db: Db,
  token: string | undefined,
  now: Date = new Date(),
): Promise<SessionInfo | null> {
  if (!token || token.length > 100) return null;
  // One statement: this runs on every request.
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s."id", s."mfaVerified", s."revokedAt", s."expiresAt", s."lastSeenAt", s."activeBodyId",
           u."id" AS "userId", u."name", u."role", u."active", u."anonymisedAt", u."totpSecret",
           COALESCE(ARRAY(SELECT m."bodyId"::text FROM "Membership" m WHERE m."userId" = u."id" ORDER BY m."bodyId"), '{}') AS "bodyIds"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${tokenId(token)}`;
  const session = rows[0];
  if (!session || session.revokedAt || session.expiresAt <= now || !session.active || session.anonymisedAt)
    return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    });
  }
  const bodyIds = session.bodyIds;
  return {
    id: session.id,
    userId: session.userId,
    mfaVerified: session.mfaVerified,
    mfaRequired: session.totpSecret !== null || session.role === "admin",
    totpEnrolled: session.totpSecret !== null,
    actor: {
      userId: session.userId,
      name: session.name,
      role: session.role,
      bodyIds,
      activeBodyId:
        session.activeBodyId && bodyIds.includes(session.activeBodyId) ? session.activeBodyId : null,
    },
  };
}

export async function revokeSession(
  db: Db,
  sessionId: string,
  userId: string,
  now: Date = new Date(),
): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count > 0;
}

export async function revokeAllSessions(
  db: Pick<Db, "session">,
  userId: string,
  now: Date = new Date(),
  exceptId?: string,
): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}

export async function listSessions(db: Db, userId: string, now: Date = new Date()) {
  return db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
  });
}

export async function setActiveBody(db: Db, info: SessionInfo, bodyId: string | null): Promise<void> {
  if (bodyId !== null && !info.actor.bodyIds.includes(bodyId)) return;
  await db.session.update({ where: { id: info.id }, data: { activeBodyId: bodyId } });
}

export async function markMfaVerified(db: Db, sessionId: string): Promise<void> {
  await db.session.update({ where: { id: sessionId }, data: { mfaVerified: true } });
}
