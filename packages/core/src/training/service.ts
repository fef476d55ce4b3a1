// Writes of the catalogue and of sessions. A change of time or place raises the session's SEQUENCE
// and sends every confirmed person the updated invitation; a cancellation sends METHOD:CANCEL.
import { randomInt } from "node:crypto";
import type { Db, DbTx } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { recordAudit } from "../audit/index.ts";
import { conflict, invalid, notFound } from "../errors/index.ts";
import { nextCounter } from "../shared/counter.ts";
import { bodyEligible } from "./eligibility.ts";
import { recordTrainingEvent, sessionSnapshot, snapshotChanges } from "./events.ts";
import { mailRegistration, sessionMailSelect } from "./notify.ts";
import { requireTrainingStaff } from "./policy.ts";
import { promoteWaiting, refreshStatus } from "./registrations.ts";
import { defaultDeadline, deadlineOf, localDate, slotInstants, slotProblem, type Slot } from "./rules.ts";
import {
  courseInput,
  sessionInput,
  updateCourseInput,
  updateSessionInput,
  type CourseInput,
  type SessionInput,
} from "./schema.ts";

const courseAudit = { entityType: "TrainingCourse", channel: "web" } as const;

export async function createCourse(db: Db, actor: Actor, raw: CourseInput) {
  requireTrainingStaff(actor);
  const input = courseInput.parse(raw);
  await assertService(db, input.serviceId);
  return db.$transaction(async (tx) => {
    const c = await tx.trainingCourse.create({ data: input, select: { id: true } });
    await recordAudit(tx, { ...courseAudit, actor, entityId: c.id, action: "create", after: input });
    return c;
  });
}

/** Changes a course of the catalogue; the audit trail keeps what changed. */
export async function updateCourse(db: Db, actor: Actor, raw: unknown) {
  requireTrainingStaff(actor);
  const { id, ...input } = updateCourseInput.parse(raw);
  await assertService(db, input.serviceId);
  return db.$transaction(async (tx) => {
    const before = await tx.trainingCourse.findUnique({
      where: { id },
      select: Object.fromEntries(Object.keys(input).map((k) => [k, true])) as Record<
        keyof typeof input,
        true
      >,
    });
    if (!before) throw notFound("course");
    await tx.trainingCourse.update({ where: { id }, data: input });
    await recordAudit(tx, { ...courseAudit, actor, entityId: id, action: "update", before, after: input });
    return { id };
  });
}

async function assertService(db: DbTx, serviceId: string) {
  if (!(await db.service.findUnique({ where: { id: serviceId }, select: { id: true } })))
    throw invalid("serviceId", "unknown service");
}

// Codes without look-alike characters (0/O, 1/I), read aloud in a room.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const newCheckInCode = () => Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(32)]).join("");

interface CheckedSession {
  values: Omit<ReturnType<typeof sessionInput.parse>, "slots" | "registrationDeadline">;
  slots: Slot[];
  deadline: Date;
  serviceId: string;
}

/** Validates a session against the database: course, trainer, slots, deadline, dedicated body. */
async function checkSession(db: DbTx, raw: SessionInput): Promise<CheckedSession> {
  const { slots: localSlots, registrationDeadline, ...values } = sessionInput.parse(raw);
  const course = await db.trainingCourse.findUnique({
    where: { id: values.courseId },
    select: { serviceId: true },
  });
  if (!course) throw invalid("courseId", "unknown course");
  const slots = localSlots.map(slotInstants).sort((a, b) => +a.startsAt - +b.startsAt);
  const problem = slotProblem(localSlots.map(slotInstants));
  if (problem) throw invalid(`slots.${problem[0]}.${problem[1]}`, problem[2]);
  if (values.trainerId) {
    const trainer = await db.user.findUnique({ where: { id: values.trainerId }, select: { role: true } });
    if (!trainer || trainer.role === "agent") throw invalid("trainerId", "unknown trainer");
  }
  const deadline = registrationDeadline ? deadlineOf(registrationDeadline) : defaultDeadline(slots[0]!);
  if (+deadline > +slots[0]!.startsAt) throw invalid("registrationDeadline", "deadline_after_start");
  if (values.dedicatedBodyId) {
    const ok = await bodyEligible(db, {
      bodyId: values.dedicatedBodyId,
      serviceId: course.serviceId,
      date: localDate(slots[0]!.startsAt),
    });
    if (!ok) throw invalid("dedicatedBodyId", "body_not_eligible");
  }
  return { values, slots, deadline, serviceId: course.serviceId };
}

export async function createSession(db: Db, actor: Actor, raw: SessionInput, now: Date) {
  requireTrainingStaff(actor);
  const s = await checkSession(db, raw);
  return db.$transaction(async (tx) => {
    const n = await nextCounter(tx, `training-${now.getUTCFullYear()}`);
    const created = await tx.trainingSession.create({
      data: {
        ...s.values,
        number: `FORM-${now.getUTCFullYear()}-${String(n).padStart(4, "0")}`,
        status: "open",
        registrationDeadline: s.deadline,
        startsAt: s.slots[0]!.startsAt,
        endsAt: s.slots.at(-1)!.endsAt,
        slots: { create: s.slots.map((x) => ({ ...x, checkInCode: newCheckInCode() })) },
      },
      select: { id: true, number: true },
    });
    await recordTrainingEvent(tx, {
      sessionId: created.id,
      kind: "opened",
      actor,
      data: { number: created.number, capacity: s.values.capacity },
      at: now,
    });
    return created;
  });
}

const placeKey = (s: { address: string; room: string; remoteLink: string }) =>
  [s.address, s.room, s.remoteLink].join("|");
const timesKey = (slots: Slot[]) => slots.map((x) => `${+x.startsAt}-${+x.endsAt}`).join(",");

/** Changes a session; a change of time or place sends everyone confirmed an update (SEQUENCE + 1). */
export async function updateSession(db: Db, actor: Actor, raw: unknown, now: Date) {
  requireTrainingStaff(actor);
  const { id, session } = updateSessionInput.parse(raw);
  const s = await checkSession(db, session);
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "TrainingSession" WHERE "id" = ${id}::uuid FOR UPDATE`;
      const before = await tx.trainingSession.findUnique({
        where: { id },
        include: { slots: { orderBy: { startsAt: "asc" } } },
      });
      if (!before) throw notFound("session");
      if (before.status === "cancelled") throw conflict("session_cancelled");
      const confirmed = await tx.trainingRegistration.count({
        where: { sessionId: id, status: "confirmed" },
      });
      if (s.values.capacity < confirmed) throw invalid("capacity", "capacity_below_confirmed", { confirmed });
      const moved = timesKey(before.slots) !== timesKey(s.slots) || placeKey(before) !== placeKey(s.values);
      const changes = snapshotChanges(
        await sessionSnapshot(tx, before),
        await sessionSnapshot(tx, { ...s.values, slots: s.slots, registrationDeadline: s.deadline }),
      );
      if (Object.keys(changes).length)
        await recordTrainingEvent(tx, { sessionId: id, kind: "updated", actor, data: { changes }, at: now });
      // Slots keep their ids (their events' UIDs) in order; extra ones are added or removed.
      for (const [i, slot] of s.slots.entries()) {
        const old = before.slots[i];
        if (old) await tx.trainingSlot.update({ where: { id: old.id }, data: slot });
        else
          await tx.trainingSlot.create({ data: { ...slot, sessionId: id, checkInCode: newCheckInCode() } });
      }
      const extra = before.slots.slice(s.slots.length).map((x) => x.id);
      if (extra.length) await tx.trainingSlot.deleteMany({ where: { id: { in: extra } } });
      await tx.trainingSession.update({
        where: { id },
        data: {
          ...s.values,
          registrationDeadline: s.deadline,
          startsAt: s.slots[0]!.startsAt,
          endsAt: s.slots.at(-1)!.endsAt,
          sequence: moved ? { increment: 1 } : undefined,
        },
      });
      await promoteWaiting(tx, id, now);
      await refreshStatus(tx, id);
      if (moved) {
        const mail = await tx.trainingSession.findUniqueOrThrow({ where: { id }, select: sessionMailSelect });
        const regs = await tx.trainingRegistration.findMany({
          where: { sessionId: id, status: "confirmed" },
          select: { id: true, user: { select: { id: true, name: true, email: true, locale: true } } },
        });
        for (const r of regs)
          await mailRegistration(tx, mail, r, "training.update", {
            now,
            key: `seq${mail.sequence}`,
            ical: "REQUEST",
          });
      }
      return { id, sequence: before.sequence + (moved ? 1 : 0) };
    },
    { maxWait: 20_000, timeout: 30_000 },
  );
}

/** Cancels a session: everyone registered is told, the confirmed get METHOD:CANCEL. */
export async function cancelSession(db: Db, actor: Actor, id: string, now: Date) {
  requireTrainingStaff(actor);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "TrainingSession" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const before = await tx.trainingSession.findUnique({ where: { id }, select: { status: true } });
    if (!before) throw notFound("session");
    if (before.status === "cancelled") return { id };
    await tx.trainingSession.update({
      where: { id },
      data: { status: "cancelled", cancelledAt: now, sequence: { increment: 1 } },
    });
    await recordTrainingEvent(tx, { sessionId: id, kind: "cancelled", actor, at: now });
    const mail = await tx.trainingSession.findUniqueOrThrow({ where: { id }, select: sessionMailSelect });
    const regs = await tx.trainingRegistration.findMany({
      where: { sessionId: id, status: { not: "cancelled" } },
      select: {
        id: true,
        status: true,
        user: { select: { id: true, name: true, email: true, locale: true } },
      },
    });
    for (const r of regs)
      await mailRegistration(tx, mail, r, "training.cancelled", {
        now,
        key: "session",
        ical: r.status === "confirmed" ? "CANCEL" : undefined,
      });
    return { id };
  });
}
