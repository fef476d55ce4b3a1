// Personal data: export (JSON) and anonymisation on request. Anonymising keeps the account's row
// (so tickets and statistics stay consistent) but removes what identifies the person, including
// in the audit trail (the only rewrite the append-only trigger allows).
import type { Db } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { DomainError, notFound } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { requireRole } from "../access/index.ts";
import { redactDeclarants, redactIncomingFrom } from "../retention/index.ts";

export async function exportPersonalData(db: Db, actor: Actor, userId: string) {
  if (actor.userId !== userId) requireRole(actor, "admin");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      phone: true,
      role: true,
      locale: true,
      active: true,
      createdAt: true,
      lastLoginAt: true,
      totpSecret: true,
      oidcIssuer: true,
      memberships: { select: { createdAt: true, body: { select: { legalName: true, siret: true } } } },
      sessions: {
        select: { createdAt: true, lastSeenAt: true, ip: true, userAgent: true, revokedAt: true },
        orderBy: { createdAt: "desc" },
        take: 200,
      },
    },
  });
  if (!user) throw notFound("person");
  const [attempts, actions] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email: user.email },
      select: { at: true, ip: true, success: true },
      orderBy: { at: "desc" },
      take: 500,
    }),
    db.auditEvent.findMany({
      where: { actorId: userId },
      select: { at: true, entityType: true, entityId: true, action: true, channel: true },
      orderBy: { at: "desc" },
      take: 5000,
    }),
  ]);
  const { totpSecret, ...profile } = user;
  return {
    exportedAt: new Date().toISOString(),
    profile: { ...profile, secondFactor: totpSecret !== null },
    signInAttempts: attempts,
    actions,
  };
}

export async function anonymisePerson(
  db: Db,
  actor: Actor,
  userId: string,
  now: Date = new Date(),
): Promise<void> {
  requireRole(actor, "admin");
  if (actor.userId === userId) throw new DomainError("FORBIDDEN", "cannot anonymise oneself");
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound("person");
  if (user.anonymisedAt) return;
  const label = `Personne anonymisée ${userId.slice(0, 8)}`;
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: {
        email: `anonymised+${userId}@invalid`,
        name: label,
        phone: null,
        passwordHash: null,
        totpSecret: null,
        totpPending: null,
        oidcIssuer: null,
        oidcSubject: null,
        active: false,
        anonymisedAt: now,
      },
    });
    await tx.session.deleteMany({ where: { userId } });
    await tx.authToken.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.loginAttempt.deleteMany({ where: { email: user.email } });
    // Tickets this person declared (their address, or opened by them in their own name), and the
    // e-mails received from their address.
    const declared = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Ticket"
      WHERE lower("declarantEmail") = ${user.email.toLowerCase()}
      UNION
      SELECT "id" FROM "Ticket" WHERE "createdById" = ${userId}::uuid AND "declarantName" = ${user.name}`;
    await redactDeclarants(
      tx,
      declared.map((t) => t.id),
      now,
      actor,
      "web",
    );
    await redactIncomingFrom(tx, user.email);
    await tx.$executeRaw`SELECT set_config('mutuo.audit_redaction', 'on', true)`;
    await tx.auditEvent.updateMany({ where: { actorId: userId }, data: { actorLabel: label } });
    await tx.auditEvent.updateMany({
      where: { entityType: "User", entityId: userId },
      data: { changes: {} },
    });
    await tx.$executeRaw`SELECT set_config('mutuo.audit_redaction', 'off', true)`;
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "User",
      entityId: userId,
      action: "anonymise",
      after: { anonymisedAt: now },
    });
  });
}
