// People: invitations, role and membership changes, deactivation (admins), and RGPD export and
// anonymisation.
import type { Db, Prisma } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { conflict, DomainError, invalid, notFound } from "../errors/index.ts";
import { cursorPart, decodeCursor, encodeCursor, type Page } from "../shared/cursor.ts";
import type { Actor } from "../access/index.ts";
import { sendInvitation, type AuthDeps } from "./auth.ts";
import { canManagePeople, canSeeBody, requireRole, visibleBodyIds } from "../access/index.ts";
import { inviteInput, listPeopleInput, updatePersonInput, type InviteInput } from "./schema.ts";
import type { z } from "zod";
import { revokeAllSessions } from "./sessions.ts";

const personSelect = {
  id: true,
  email: true,
  name: true,
  phone: true,
  role: true,
  active: true,
  lastLoginAt: true,
  anonymisedAt: true,
  passwordHash: true,
  totpSecret: true,
  memberships: { select: { body: { select: { id: true, legalName: true } } } },
} satisfies Prisma.UserSelect;

function present(u: Prisma.UserGetPayload<{ select: typeof personSelect }>) {
  const { passwordHash, totpSecret, memberships, ...rest } = u;
  return {
    ...rest,
    invitationPending: passwordHash === null,
    totpEnabled: totpSecret !== null,
    bodies: memberships.map((m) => m.body),
  };
}
export type Person = ReturnType<typeof present>;

/** The bodies a person of this role belongs to: an agent's partner bodies (checked), the provider for staff. */
async function bodiesFor(db: Db, role: string, requested: string[]): Promise<string[]> {
  if (role !== "agent") {
    const provider = await db.body.findFirst({ where: { kind: "provider" }, select: { id: true } });
    return provider ? [provider.id] : [];
  }
  const bodyIds = [...new Set(requested)];
  if (bodyIds.length === 0) throw invalid("bodyIds", "an agent belongs to at least one body");
  const found = await db.body.findMany({ where: { id: { in: bodyIds } }, select: { id: true, kind: true } });
  if (found.length !== bodyIds.length) throw invalid("bodyIds", "unknown body");
  if (found.some((b) => b.kind === "provider")) throw invalid("bodyIds", "agents belong to partner bodies");
  return bodyIds;
}

export async function invitePerson(d: AuthDeps, actor: Actor, raw: InviteInput): Promise<Person> {
  requireRole(actor, "admin");
  const input = inviteInput.parse(raw);
  const bodyIds = await bodiesFor(d.db, input.role, input.bodyIds);
  if (await d.db.user.findUnique({ where: { email: input.email }, select: { id: true } }))
    throw conflict("email already used", "email");
  return d.db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        locale: input.locale,
        memberships: { create: bodyIds.map((bodyId) => ({ bodyId })) },
      },
      select: personSelect,
    });
    for (const bodyId of bodyIds) {
      await recordAudit(tx, {
        actor,
        channel: "web",
        entityType: "User",
        entityId: user.id,
        bodyId,
        action: "create",
        after: { email: user.email, name: user.name, role: user.role, bodyId },
      });
    }
    if (bodyIds.length === 0)
      await recordAudit(tx, {
        actor,
        channel: "web",
        entityType: "User",
        entityId: user.id,
        action: "create",
        after: { email: user.email, name: user.name, role: user.role },
      });
    await sendInvitation(d, tx, { ...user, locale: input.locale }, actor);
    return present(user);
  });
}

export async function resendInvitation(d: AuthDeps, actor: Actor, userId: string): Promise<void> {
  requireRole(actor, "admin");
  const user = await d.db.user.findUnique({ where: { id: userId } });
  if (!user || user.anonymisedAt) throw notFound("person");
  if (user.passwordHash) throw conflict("invitation already accepted");
  await d.db.$transaction((tx) => sendInvitation(d, tx, user, actor));
}

export async function updatePerson(d: AuthDeps, actor: Actor, raw: unknown): Promise<Person> {
  requireRole(actor, "admin");
  const input = updatePersonInput.parse(raw);
  const before = await d.db.user.findUnique({ where: { id: input.userId }, include: { memberships: true } });
  if (!before || before.anonymisedAt) throw notFound("person");
  if (input.userId === actor.userId && (input.role !== "admin" || !input.active))
    throw new DomainError("FORBIDDEN", "admins cannot demote or deactivate themselves");
  const bodyIds = await bodiesFor(d.db, input.role, input.bodyIds);
  return d.db.$transaction(async (tx) => {
    await tx.membership.deleteMany({ where: { userId: input.userId, bodyId: { notIn: bodyIds } } });
    for (const bodyId of bodyIds)
      await tx.membership.upsert({
        where: { userId_bodyId: { userId: input.userId, bodyId } },
        create: { userId: input.userId, bodyId },
        update: {},
      });
    const user = await tx.user.update({
      where: { id: input.userId },
      data: { name: input.name, phone: input.phone ?? null, role: input.role, active: input.active },
      select: personSelect,
    });
    if (!input.active || input.role !== before.role) await revokeAllSessions(tx, input.userId);
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "User",
      entityId: user.id,
      bodyId: bodyIds[0] ?? null,
      action: "update",
      before: {
        name: before.name,
        phone: before.phone,
        role: before.role,
        active: before.active,
        bodyIds: before.memberships.map((m) => m.bodyId).sort(),
      },
      after: {
        name: user.name,
        phone: user.phone,
        role: user.role,
        active: user.active,
        bodyIds: [...bodyIds].sort(),
      },
    });
    return present(user);
  });
}

/** People the actor may see: admins and staff everyone; agents the people of their own bodies. */
export async function listPeople(
  db: Db,
  actor: Actor,
  raw: z.input<typeof listPeopleInput>,
): Promise<Page<Person>> {
  const opts = listPeopleInput.parse(raw);
  const limit = Math.min(opts.limit ?? 25, 100);
  const ids = visibleBodyIds(actor);
  if (opts.bodyId && !canSeeBody(actor, opts.bodyId)) return { items: [], nextCursor: null };
  const where: Prisma.UserWhereInput = {
    anonymisedAt: null,
    ...(ids === "all" ? {} : { memberships: { some: { bodyId: { in: ids } } } }),
    ...(opts.bodyId ? { memberships: { some: { bodyId: opts.bodyId } } } : {}),
    ...(opts.q
      ? {
          OR: [
            { name: { contains: opts.q, mode: "insensitive" } },
            { email: { contains: opts.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  if (opts.cursor) {
    const [name, id] = decodeCursor(opts.cursor, [cursorPart.text, cursorPart.uuid]);
    where.AND = [{ OR: [{ name: { gt: name } }, { name, id: { gt: id } }] }];
  }
  const rows = await db.user.findMany({
    where,
    select: personSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const items = rows.slice(0, limit).map(present);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null };
}

export async function getPerson(db: Db, actor: Actor, userId: string): Promise<Person> {
  const user = await db.user.findUnique({ where: { id: userId }, select: personSelect });
  const visible =
    user &&
    (canManagePeople(actor) ||
      actor.userId === userId ||
      user.memberships.some((m) => canSeeBody(actor, m.body.id)));
  if (!user || !visible || (user.anonymisedAt && !canManagePeople(actor))) throw notFound("person");
  return present(user);
}
