// A session's history: every write of the training services records what happened, who did it and
// when, in the same transaction as the change. An event about a person carries the body they attend
// for: a partner reads the session's own events and those of their bodies' people, never the others'.
import type { Db, DbTx, Prisma } from "@mutuo/db";
import { isStaff, visibleBodyIds, type Actor } from "../access/index.ts";
import { diffFields } from "../audit/index.ts";
import { assertSessionReadable } from "./queries.ts";
import { localDate, localSlot, type Slot } from "./rules.ts";
import { sessionIdInput } from "./schema.ts";

export const TRAINING_EVENT_KINDS = [
  "opened",
  "updated",
  "cancelled",
  "registered",
  "waitlisted",
  "registration_cancelled",
  "promoted",
  "checked_in",
  "sheet_signed",
  "certificate_issued",
] as const;
export type TrainingEventKind = (typeof TRAINING_EVENT_KINDS)[number];

/** Kinds about the session itself (no person): every reader of the session sees them. */
const SESSION_KINDS = new Set<string>(["opened", "updated", "cancelled", "sheet_signed"]);

export interface TrainingEventInput {
  sessionId: string;
  kind: TrainingEventKind;
  /** Who did it; null: Mutuo itself (a promotion from the waitlist). */
  actor: Actor | null;
  /** The person concerned and the body they attend for. */
  person?: { userId: string; bodyId: string };
  data?: Record<string, unknown>;
  at: Date;
}

export async function recordTrainingEvent(tx: DbTx, e: TrainingEventInput): Promise<void> {
  await tx.trainingEvent.create({
    data: {
      sessionId: e.sessionId,
      kind: e.kind,
      userId: e.person?.userId ?? null,
      bodyId: e.person?.bodyId ?? null,
      actorId: e.actor?.userId || null,
      data: (e.data ?? {}) as Prisma.InputJsonValue,
      at: e.at,
    },
  });
}

/** What an edit may change, in words (names and local times rather than ids and instants). */
export interface SessionSnapshot {
  course: string;
  slots: string;
  address: string;
  room: string;
  remoteLink: string;
  trainer: string;
  capacity: number;
  perBodyLimit: number | null;
  registrationDeadline: string;
  dedicatedBody: string;
}

export async function sessionSnapshot(
  tx: DbTx,
  s: {
    courseId: string;
    slots: Slot[];
    address: string;
    room: string;
    remoteLink: string;
    trainerId: string | null;
    trainerName: string;
    capacity: number;
    perBodyLimit: number | null;
    registrationDeadline: Date;
    dedicatedBodyId: string | null;
  },
): Promise<SessionSnapshot> {
  const [course, trainer, body] = await Promise.all([
    tx.trainingCourse.findUnique({ where: { id: s.courseId }, select: { title: true } }),
    s.trainerId ? tx.user.findUnique({ where: { id: s.trainerId }, select: { name: true } }) : null,
    s.dedicatedBodyId
      ? tx.body.findUnique({ where: { id: s.dedicatedBodyId }, select: { legalName: true } })
      : null,
  ]);
  return {
    course: course?.title ?? "",
    slots: s.slots
      .map(localSlot)
      .map((l) => `${l.date} ${l.start}–${l.end}`)
      .join(", "),
    address: s.address,
    room: s.room,
    remoteLink: s.remoteLink,
    trainer: trainer?.name ?? s.trainerName,
    capacity: s.capacity,
    perBodyLimit: s.perBodyLimit,
    registrationDeadline: localDate(s.registrationDeadline),
    dedicatedBody: body?.legalName ?? "",
  };
}

/** The fields an edit changed, as { field: [before, after] }. */
export const snapshotChanges = (before: SessionSnapshot, after: SessionSnapshot) =>
  diffFields({ ...before }, { ...after });

export interface TrainingEventRow {
  id: string;
  kind: string;
  at: Date;
  /** Who did it (null: Mutuo itself). */
  actor: string | null;
  person: string | null;
  body: string | null;
  data: Record<string, unknown>;
}

/**
 * A session's history, oldest first: staff see everything; a partner sees the session's own events
 * and those of their bodies' people only (whoever registered or cancelled elsewhere stays unseen).
 */
export async function sessionHistory(db: Db, actor: Actor, raw: unknown) {
  const { id } = sessionIdInput.parse(raw);
  await assertSessionReadable(db, actor, id);
  const ids = visibleBodyIds(actor);
  const rows = await db.trainingEvent.findMany({
    where: {
      sessionId: id,
      ...(isStaff(actor) || ids === "all"
        ? {}
        : {
            OR: [
              { bodyId: null, kind: { in: [...SESSION_KINDS] } },
              { bodyId: { in: ids }, kind: { notIn: [...SESSION_KINDS] } },
            ],
          }),
    },
    orderBy: { id: "asc" },
    take: 1000,
  });
  const userIds = [
    ...new Set(rows.flatMap((r) => [r.actorId, r.userId]).filter((x): x is string => Boolean(x))),
  ];
  const bodyIds = [...new Set(rows.map((r) => r.bodyId).filter((x): x is string => Boolean(x)))];
  const [users, bodies] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    db.body.findMany({ where: { id: { in: bodyIds } }, select: { id: true, legalName: true } }),
  ]);
  const name = new Map(users.map((u) => [u.id, u.name]));
  const bodyName = new Map(bodies.map((b) => [b.id, b.legalName]));
  return rows.map((r): TrainingEventRow => ({
    id: r.id.toString(),
    kind: r.kind,
    at: r.at,
    actor: r.actorId ? (name.get(r.actorId) ?? null) : null,
    person: r.userId ? (name.get(r.userId) ?? null) : null,
    body: r.bodyId ? (bodyName.get(r.bodyId) ?? null) : null,
    data: r.data as Record<string, unknown>,
  }));
}
