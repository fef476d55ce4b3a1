// Reads of the training domain, scoped to what the actor may see: an agent sees the open sessions
// their bodies may attend and their bodies' dedicated sessions, with their bodies' registrations
// only (counts of the others, never names).
import type { Db, Prisma } from "@mutuo/db";
import { canSeeBody, isStaff, visibleBodyIds, type Actor } from "../access/index.ts";
import { notFound } from "../errors/index.ts";
import { cursorPart, decodeCursor, encodeCursor, type Page } from "../shared/cursor.ts";
import { loadEligibility } from "./eligibility.ts";
import { mayGetMaterials } from "./materials.ts";
import { assertSessionVisible, registrationScope } from "./policy.ts";
import { isEligible, localDate, localSlot, surveyAverages } from "./rules.ts";
import { listSessionsInput } from "./schema.ts";

export async function listCourses(db: Db, actor: Actor) {
  void actor;
  const rows = await db.trainingCourse.findMany({
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      objectives: true,
      audience: true,
      prerequisites: true,
      durationHalfDays: true,
      format: true,
      defaultCapacity: true,
      active: true,
      service: { select: { id: true, name: true } },
      _count: { select: { sessions: true } },
    },
    take: 500,
  });
  return rows;
}

/** A course of the catalogue, with its materials for those who may have them. */
export async function getCourse(db: Db, actor: Actor, id: string, now: Date) {
  const c = await db.trainingCourse.findUnique({
    where: { id },
    include: {
      service: { select: { name: true } },
      materials: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          label: true,
          createdAt: true,
          file: { select: { name: true, mimeType: true, size: true } },
        },
      },
    },
  });
  if (!c) throw notFound("course");
  const mayGet = await mayGetMaterials(db, actor, c, now);
  return {
    ...c,
    materials: mayGet ? c.materials : [],
    mayGetMaterials: mayGet,
    canManage: isStaff(actor),
  };
}

/** The status people see: a session past its end is held (until the job writes it). */
export const shownStatus = (s: { status: string; endsAt: Date }, now: Date) =>
  s.status !== "cancelled" && +s.endsAt < +now ? "held" : s.status;

export async function listSessions(
  db: Db,
  actor: Actor,
  raw: unknown,
  now: Date,
): Promise<Page<SessionItem>> {
  const input = listSessionsInput.parse(raw ?? {});
  const ids = visibleBodyIds(actor);
  const after = input.cursor
    ? decodeCursor(input.cursor, [cursorPart.instant, cursorPart.uuid] as const)
    : null;
  const past = input.when === "past";
  const rows = await db.trainingSession.findMany({
    where: {
      ...(input.courseId ? { courseId: input.courseId } : {}),
      ...(input.when === "upcoming" ? { endsAt: { gte: now } } : past ? { endsAt: { lt: now } } : {}),
      ...(ids === "all" ? {} : { OR: [{ dedicatedBodyId: null }, { dedicatedBodyId: { in: ids } }] }),
      ...(after
        ? past
          ? {
              AND: [
                {
                  OR: [
                    { startsAt: { lt: new Date(after[0]) } },
                    { startsAt: new Date(after[0]), id: { lt: after[1] } },
                  ],
                },
              ],
            }
          : {
              AND: [
                {
                  OR: [
                    { startsAt: { gt: new Date(after[0]) } },
                    { startsAt: new Date(after[0]), id: { gt: after[1] } },
                  ],
                },
              ],
            }
        : {}),
    },
    orderBy: past ? [{ startsAt: "desc" }, { id: "desc" }] : [{ startsAt: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    select: sessionItemSelect(actor),
  });
  const more = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  const conventions = ids === "all" ? null : await loadEligibility(db, ids);
  const items = page
    .filter(
      (s) =>
        !conventions ||
        s.dedicatedBodyId ||
        s.registrations.length > 0 ||
        ids === "all" ||
        ids.some((b) =>
          isEligible(conventions, { bodyId: b, serviceId: s.course.serviceId, date: localDate(s.startsAt) }),
        ),
    )
    .map((s) => toItem(actor, s, now));
  const last = page.at(-1);
  return { items, nextCursor: more && last ? encodeCursor([last.startsAt.toISOString(), last.id]) : null };
}

const sessionItemSelect = (actor: Actor) =>
  ({
    id: true,
    number: true,
    status: true,
    startsAt: true,
    endsAt: true,
    capacity: true,
    dedicatedBodyId: true,
    dedicatedBody: { select: { legalName: true } },
    address: true,
    room: true,
    remoteLink: true,
    trainerName: true,
    trainer: { select: { name: true } },
    course: { select: { id: true, title: true, serviceId: true, service: { select: { name: true } } } },
    _count: { select: { slots: true } },
    registrations: {
      where: { status: { not: "cancelled" as const }, ...registrationScope(actor) },
      select: { id: true, status: true, userId: true },
    },
  }) as const;

type SessionRow = Prisma.TrainingSessionGetPayload<{ select: ReturnType<typeof sessionItemSelect> }>;

export type SessionItem = ReturnType<typeof toItem>;

function toItem(actor: Actor, s: SessionRow, now: Date) {
  const mine = s.registrations.find((r) => r.userId === actor.userId);
  return {
    id: s.id,
    number: s.number,
    status: shownStatus(s, now),
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    capacity: s.capacity,
    days: s._count.slots / 2,
    course: { id: s.course.id, title: s.course.title, service: s.course.service.name },
    dedicatedTo:
      s.dedicatedBodyId && canSeeBody(actor, s.dedicatedBodyId) ? s.dedicatedBody!.legalName : null,
    dedicated: Boolean(s.dedicatedBodyId),
    place: [s.room, s.address].filter(Boolean).join(", ") || (s.remoteLink ? "À distance" : ""),
    trainer: s.trainer?.name ?? s.trainerName,
    mine: mine?.status ?? null,
    mineCount: s.registrations.length,
  };
}

export async function getSession(db: Db, actor: Actor, id: string, now: Date) {
  const s = await db.trainingSession.findUnique({
    where: { id },
    include: {
      course: { include: { service: { select: { id: true, name: true } } } },
      dedicatedBody: { select: { id: true, legalName: true } },
      trainer: { select: { id: true, name: true } },
      slots: { orderBy: { startsAt: "asc" } },
      registrations: {
        where: registrationScope(actor),
        orderBy: { seq: "asc" },
        include: {
          user: { select: { id: true, name: true } },
          body: { select: { id: true, legalName: true } },
          attendances: true,
          survey: { select: { id: true } },
        },
      },
    },
  });
  const staff = isStaff(actor);
  assertSessionVisible(actor, s);
  if (!s) throw notFound("session");
  if (!staff && !s.dedicatedBodyId && !s.registrations.length)
    await assertEligibleAt(db, actor, s.course.serviceId, s.startsAt);
  const counts = await db.trainingRegistration.groupBy({
    by: ["status"],
    where: { sessionId: id },
    _count: { _all: true },
  });
  const count = (st: string) => counts.find((c) => c.status === st)?._count._all ?? 0;
  const waitOrder = (
    await db.trainingRegistration.findMany({
      where: { sessionId: id, status: "waitlisted" },
      orderBy: { seq: "asc" },
      select: { id: true },
    })
  ).map((r) => r.id);
  const answers = staff
    ? await db.trainingSurveyAnswer.findMany({
        where: { registration: { sessionId: id } },
        select: { ratings: true, comment: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      })
    : [];
  return {
    id: s.id,
    number: s.number,
    status: shownStatus(s, now),
    sequence: s.sequence,
    course: {
      id: s.course.id,
      title: s.course.title,
      objectives: s.course.objectives,
      audience: s.course.audience,
      prerequisites: s.course.prerequisites,
      format: s.course.format,
      service: s.course.service,
    },
    address: s.address,
    room: s.room,
    remoteLink: s.remoteLink,
    trainer: s.trainer,
    trainerName: s.trainer?.name ?? s.trainerName,
    outsideTrainer: s.trainerName,
    capacity: s.capacity,
    perBodyLimit: s.perBodyLimit,
    registrationDeadline: s.registrationDeadline,
    deadlineDate: localDate(s.registrationDeadline),
    dedicatedBody: s.dedicatedBody,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    slots: s.slots.map((x) => ({
      id: x.id,
      startsAt: x.startsAt,
      endsAt: x.endsAt,
      local: localSlot(x),
      checkInCode: staff ? x.checkInCode : null,
      signedAt: x.signedAt,
      signedByName: x.signedByName,
    })),
    confirmedCount: count("confirmed"),
    waitlistedCount: count("waitlisted"),
    registrations: s.registrations.map((r) => ({
      id: r.id,
      status: r.status,
      position: r.status === "waitlisted" ? waitOrder.indexOf(r.id) + 1 : null,
      user: r.user,
      body: r.body,
      late: r.lateCancellation,
      cancelledAt: r.cancelledAt,
      mine: r.userId === actor.userId,
      surveyAnswered: Boolean(r.survey),
      attendance: Object.fromEntries(r.attendances.map((a) => [a.slotId, a.status])),
      presentSlots: r.attendances.filter((a) => a.status === "present").length,
    })),
    survey: staff
      ? {
          answers: answers.length,
          averages: surveyAverages(answers.map((a) => a.ratings as Record<string, number>)),
          comments: answers.map((a) => a.comment).filter(Boolean),
        }
      : null,
    canManage: staff,
  };
}

/** An agent none of whose bodies may attend a session (a convention in force at its date) does not see it. */
async function assertEligibleAt(db: Db, actor: Actor, serviceId: string, startsAt: Date) {
  const ids = visibleBodyIds(actor);
  if (ids === "all") return;
  const conventions = await loadEligibility(db, ids);
  const date = localDate(startsAt);
  if (!ids.some((b) => isEligible(conventions, { bodyId: b, serviceId, date }))) throw notFound("session");
}

/**
 * Throws NOT_FOUND unless the actor may read the session: staff; the body of a dedicated session; an
 * agent whose body has a registration in it or may attend it.
 */
export async function assertSessionReadable(db: Db, actor: Actor, id: string) {
  const s = await db.trainingSession.findUnique({
    where: { id },
    select: { dedicatedBodyId: true, startsAt: true, course: { select: { serviceId: true } } },
  });
  assertSessionVisible(actor, s);
  if (isStaff(actor) || s!.dedicatedBodyId) return;
  const own = await db.trainingRegistration.count({ where: { sessionId: id, ...registrationScope(actor) } });
  if (!own) await assertEligibleAt(db, actor, s!.course.serviceId, s!.startsAt);
}

/** One half-day's sheet for the trainer: every confirmed person and their mark. */
export async function getSheet(db: Db, actor: Actor, slotId: string) {
  if (!isStaff(actor)) throw notFound("slot");
  const slot = await db.trainingSlot.findUnique({
    where: { id: slotId },
    include: {
      session: { select: { id: true, number: true, course: { select: { title: true } } } },
      attendances: true,
    },
  });
  if (!slot) throw notFound("slot");
  const regs = await db.trainingRegistration.findMany({
    where: { sessionId: slot.sessionId, status: "confirmed" },
    orderBy: { user: { name: "asc" } },
    select: { id: true, user: { select: { name: true } }, body: { select: { legalName: true } } },
  });
  const mark = new Map(slot.attendances.map((a) => [a.registrationId, a]));
  return {
    slot: {
      id: slot.id,
      local: localSlot(slot),
      checkInCode: slot.checkInCode,
      signedAt: slot.signedAt,
      signedByName: slot.signedByName,
    },
    session: slot.session,
    people: regs.map((r) => ({
      registrationId: r.id,
      name: r.user.name,
      body: r.body.legalName,
      status: mark.get(r.id)?.status ?? null,
      confirmedBy: mark.get(r.id)?.confirmedBy ?? null,
      confirmedAt: mark.get(r.id)?.confirmedAt ?? null,
    })),
  };
}
