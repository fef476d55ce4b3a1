// The one write path of registrations. Every change takes the session's row lock first (FOR UPDATE),
// then counts: concurrent registrations are serialised by PostgreSQL, so a session is never
// over-filled, and the waitlist keeps the order in which they obtained the lock (their `seq`).
import type { Db, DbTx } from "@mutuo/db";
import { canSeeBody, isStaff, visibleBodyIds, type Actor } from "../access/index.ts";
import { conflict, invalid, notFound } from "../errors/index.ts";
import { loadEligibility } from "./eligibility.ts";
import { recordTrainingEvent } from "./events.ts";
import { mailRegistration, sessionMailSelect } from "./notify.ts";
import { assertRegistrationVisible, assertSessionVisible } from "./policy.ts";
import {
  isEligible,
  isLateCancellation,
  localDate,
  openStatus,
  registrationRefusal,
  seatFor,
} from "./rules.ts";
import { registerInput } from "./schema.ts";

const TX = { maxWait: 60_000, timeout: 60_000 };
const userSelect = { select: { id: true, name: true, email: true, locale: true } } as const;

async function lockSession(tx: DbTx, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "TrainingSession" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (!rows.length) throw notFound("session");
}

/** open / full from the seats taken (a cancelled or held session keeps its status). */
export async function refreshStatus(tx: DbTx, sessionId: string) {
  const s = await tx.trainingSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { status: true, capacity: true },
  });
  if (s.status !== "open" && s.status !== "full" && s.status !== "planned") return;
  const confirmed = await tx.trainingRegistration.count({ where: { sessionId, status: "confirmed" } });
  const next = openStatus(s.capacity, confirmed);
  if (next !== s.status)
    await tx.trainingSession.update({ where: { id: sessionId }, data: { status: next } });
}

/** Gives free seats to the waitlist in arrival order (per-body limits respected); tells each one. */
export async function promoteWaiting(tx: DbTx, sessionId: string, now: Date): Promise<string[]> {
  const s = await tx.trainingSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { capacity: true, perBodyLimit: true, status: true, startsAt: true },
  });
  if (s.status === "cancelled" || +now >= +s.startsAt) return [];
  const confirmed = await tx.trainingRegistration.findMany({
    where: { sessionId, status: "confirmed" },
    select: { bodyId: true },
  });
  const waiting = await tx.trainingRegistration.findMany({
    where: { sessionId, status: "waitlisted" },
    orderBy: { seq: "asc" },
    select: { id: true, bodyId: true, user: userSelect },
  });
  const promoted: typeof waiting = [];
  for (const w of waiting) {
    const seat = seatFor({
      capacity: s.capacity,
      confirmed: confirmed.length,
      perBodyLimit: s.perBodyLimit,
      confirmedForBody: confirmed.filter((c) => c.bodyId === w.bodyId).length,
    });
    if (seat !== "confirmed") {
      if (confirmed.length >= s.capacity) break;
      continue;
    }
    confirmed.push({ bodyId: w.bodyId });
    promoted.push(w);
  }
  if (!promoted.length) return [];
  await tx.trainingRegistration.updateMany({
    where: { id: { in: promoted.map((p) => p.id) } },
    data: { status: "confirmed", confirmedAt: now },
  });
  const mail = await tx.trainingSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: sessionMailSelect,
  });
  for (const p of promoted) {
    await mailRegistration(tx, mail, p, "training.promoted", { now, key: "promoted", ical: "REQUEST" });
    await recordTrainingEvent(tx, {
      sessionId,
      kind: "promoted",
      actor: null,
      person: { userId: p.user.id, bodyId: p.bodyId },
      at: now,
    });
  }
  return promoted.map((p) => p.id);
}

/** The person and body a registration is for, checked against who asks. */
async function targetOf(db: DbTx, actor: Actor, input: { userId?: string; bodyId?: string }) {
  const userId = input.userId ?? actor.userId;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, active: true, role: true, memberships: { select: { bodyId: true } } },
  });
  const bodies = user?.memberships.map((m) => m.bodyId) ?? [];
  // An agent registers themself or a colleague of one of their (active) bodies; staff anyone.
  const allowed = isStaff(actor) ? bodies : bodies.filter((b) => canSeeBody(actor, b));
  if (!user || !user.active || user.role !== "agent" || !allowed.length)
    throw invalid("userId", "person_unknown");
  if (input.bodyId && !allowed.includes(input.bodyId)) throw invalid("bodyId", "person_not_in_body");
  const preferred =
    input.bodyId ?? (actor.activeBodyId && allowed.includes(actor.activeBodyId) ? actor.activeBodyId : null);
  return { userId: user.id, bodies: preferred ? [preferred] : allowed };
}

export async function register(db: Db, actor: Actor, raw: unknown, now: Date) {
  const input = registerInput.parse(raw);
  const session = await db.trainingSession.findUnique({
    where: { id: input.sessionId },
    select: {
      id: true,
      status: true,
      startsAt: true,
      registrationDeadline: true,
      dedicatedBodyId: true,
      course: { select: { serviceId: true } },
    },
  });
  assertSessionVisible(actor, session);
  const refusal = registrationRefusal({ ...session!, now, staff: isStaff(actor) });
  if (refusal) throw invalid("sessionId", refusal);
  const target = await targetOf(db, actor, input);
  const date = localDate(session!.startsAt);
  const conventions = await loadEligibility(db, target.bodies);
  const bodyId = target.bodies.find(
    (b) =>
      (!session!.dedicatedBodyId || session!.dedicatedBodyId === b) &&
      isEligible(conventions, { bodyId: b, serviceId: session!.course.serviceId, date }),
  );
  if (!bodyId) throw invalid("bodyId", "body_not_eligible");

  return db.$transaction(async (tx) => {
    await lockSession(tx, session!.id);
    const live = await tx.trainingRegistration.findFirst({
      where: { sessionId: session!.id, userId: target.userId, status: { not: "cancelled" } },
      select: { id: true },
    });
    if (live) throw conflict("already_registered", "userId");
    const s = await tx.trainingSession.findUniqueOrThrow({
      where: { id: session!.id },
      select: { capacity: true, perBodyLimit: true, status: true },
    });
    if (s.status === "cancelled") throw invalid("sessionId", "session_cancelled");
    const [confirmed, confirmedForBody] = await Promise.all([
      tx.trainingRegistration.count({ where: { sessionId: session!.id, status: "confirmed" } }),
      tx.trainingRegistration.count({ where: { sessionId: session!.id, status: "confirmed", bodyId } }),
    ]);
    const status = seatFor({
      capacity: s.capacity,
      confirmed,
      perBodyLimit: s.perBodyLimit,
      confirmedForBody,
    });
    const r = await tx.trainingRegistration.create({
      data: {
        sessionId: session!.id,
        userId: target.userId,
        bodyId,
        status,
        registeredById: actor.userId || null,
        confirmedAt: status === "confirmed" ? now : null,
      },
      select: { id: true, seq: true, status: true, user: userSelect },
    });
    await refreshStatus(tx, session!.id);
    const mail = await tx.trainingSession.findUniqueOrThrow({
      where: { id: session!.id },
      select: sessionMailSelect,
    });
    const position =
      status === "waitlisted"
        ? await tx.trainingRegistration.count({
            where: { sessionId: session!.id, status: "waitlisted", seq: { lte: r.seq } },
          })
        : undefined;
    await mailRegistration(
      tx,
      mail,
      r,
      status === "confirmed" ? "training.invitation" : "training.waitlisted",
      {
        now,
        key: "registered",
        position,
        ical: status === "confirmed" ? "REQUEST" : undefined,
      },
    );
    await recordTrainingEvent(tx, {
      sessionId: session!.id,
      kind: status === "confirmed" ? "registered" : "waitlisted",
      actor,
      person: { userId: target.userId, bodyId },
      data: position ? { position } : {},
      at: now,
    });
    return { id: r.id, status: r.status, position: position ?? null };
  }, TX);
}

/** Cancels a registration (late after the deadline); the first waiting person takes the seat. */
export async function cancelRegistration(db: Db, actor: Actor, registrationId: string, now: Date) {
  const found = await db.trainingRegistration.findUnique({
    where: { id: registrationId },
    select: { bodyId: true, sessionId: true },
  });
  assertRegistrationVisible(actor, found);
  return db.$transaction(async (tx) => {
    await lockSession(tx, found!.sessionId);
    const r = await tx.trainingRegistration.findUniqueOrThrow({
      where: { id: registrationId },
      select: {
        id: true,
        status: true,
        bodyId: true,
        user: userSelect,
        session: { select: { registrationDeadline: true, endsAt: true } },
      },
    });
    if (r.status === "cancelled") return { id: r.id, late: false, promoted: [] as string[] };
    if (+now >= +r.session.endsAt) throw invalid("registrationId", "session_over");
    const late = r.status === "confirmed" && isLateCancellation(r.session.registrationDeadline, now);
    await tx.trainingRegistration.update({
      where: { id: r.id },
      data: { status: "cancelled", cancelledAt: now, lateCancellation: late },
    });
    await recordTrainingEvent(tx, {
      sessionId: found!.sessionId,
      kind: "registration_cancelled",
      actor,
      person: { userId: r.user.id, bodyId: r.bodyId },
      data: { late, wasWaitlisted: r.status === "waitlisted" },
      at: now,
    });
    const mail = await tx.trainingSession.findUniqueOrThrow({
      where: { id: found!.sessionId },
      select: sessionMailSelect,
    });
    await mailRegistration(tx, mail, r, "training.cancelled", {
      now,
      key: "registration",
      ical: r.status === "confirmed" ? "CANCEL" : undefined,
    });
    const promoted = r.status === "confirmed" ? await promoteWaiting(tx, found!.sessionId, now) : [];
    await refreshStatus(tx, found!.sessionId);
    return { id: r.id, late, promoted };
  }, TX);
}

/** People the actor may register for a session: colleagues (agent) or every eligible agent (staff). */
export async function registrablePeople(db: Db, actor: Actor, sessionId: string) {
  const session = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: { startsAt: true, dedicatedBodyId: true, course: { select: { serviceId: true } } },
  });
  assertSessionVisible(actor, session);
  const ids = visibleBodyIds(actor);
  const conventions = await loadEligibility(db, session!.dedicatedBodyId ? [session!.dedicatedBodyId] : ids);
  const date = localDate(session!.startsAt);
  const bodyIds = [...new Set(conventions.map((c) => c.signatoryBodyId))].filter(
    (b) =>
      (ids === "all" || ids.includes(b)) &&
      isEligible(conventions, { bodyId: b, serviceId: session!.course.serviceId, date }),
  );
  const members = await db.membership.findMany({
    where: { bodyId: { in: bodyIds }, user: { role: "agent", active: true, anonymisedAt: null } },
    select: { body: { select: { id: true, legalName: true } }, user: { select: { id: true, name: true } } },
    orderBy: [{ body: { legalName: "asc" } }, { user: { name: "asc" } }],
    take: 1000,
  });
  return members.map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    bodyId: m.body.id,
    bodyName: m.body.legalName,
  }));
}
