// Attendance per half-day: the trainer marks each registered person present, absent or excused (or a
// trainee confirms with the room's code, valid for that half-day only), then the trainer confirms
// the sheet; a confirmed sheet is frozen and its PDF shows who confirmed what and when.
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { conflict, invalid, notFound } from "../errors/index.ts";
import { recordTrainingEvent } from "./events.ts";
import { assertSessionVisible, requireTrainingStaff } from "./policy.ts";
import { checkInOpen, localSlot } from "./rules.ts";
import { checkInInput, markInput } from "./schema.ts";

export async function markAttendance(db: Db, actor: Actor, raw: unknown, now: Date) {
  requireTrainingStaff(actor);
  const input = markInput.parse(raw);
  const slot = await db.trainingSlot.findUnique({
    where: { id: input.slotId },
    select: { sessionId: true, signedAt: true },
  });
  if (!slot) throw notFound("slot");
  if (slot.signedAt) throw conflict("sheet_signed");
  const reg = await db.trainingRegistration.findFirst({
    where: { id: input.registrationId, sessionId: slot.sessionId, status: "confirmed" },
    select: { id: true },
  });
  if (!reg) throw invalid("registrationId", "not_registered");
  const data = { status: input.status, confirmedBy: "trainer", confirmedAt: now };
  await db.trainingAttendance.upsert({
    where: { slotId_registrationId: { slotId: input.slotId, registrationId: reg.id } },
    create: { slotId: input.slotId, registrationId: reg.id, ...data },
    update: data,
  });
  return { slotId: input.slotId, registrationId: reg.id, status: input.status };
}

/** A trainee confirms their own presence with the code shown in the room. */
export async function checkIn(db: Db, actor: Actor, raw: unknown, now: Date) {
  const input = checkInInput.parse(raw);
  const session = await db.trainingSession.findUnique({
    where: { id: input.sessionId },
    select: { dedicatedBodyId: true },
  });
  assertSessionVisible(actor, session);
  const reg = await db.trainingRegistration.findFirst({
    where: { sessionId: input.sessionId, userId: actor.userId, status: "confirmed" },
    select: { id: true, bodyId: true },
  });
  if (!reg) throw invalid("code", "not_registered");
  const slot = await db.trainingSlot.findFirst({
    where: { sessionId: input.sessionId, checkInCode: input.code },
    select: { id: true, startsAt: true, endsAt: true, signedAt: true },
  });
  if (!slot || !checkInOpen(slot, now)) throw invalid("code", "code_invalid");
  if (slot.signedAt) throw conflict("sheet_signed", "code");
  const data = { status: "present" as const, confirmedBy: "self", confirmedAt: now };
  await db.$transaction(async (tx) => {
    await tx.trainingAttendance.upsert({
      where: { slotId_registrationId: { slotId: slot.id, registrationId: reg.id } },
      create: { slotId: slot.id, registrationId: reg.id, ...data },
      update: data,
    });
    await recordTrainingEvent(tx, {
      sessionId: input.sessionId,
      kind: "checked_in",
      actor,
      person: { userId: actor.userId, bodyId: reg.bodyId },
      data: localSlot(slot),
      at: now,
    });
  });
  return { slotId: slot.id };
}

/** The trainer confirms the half-day's sheet: people not marked are absent; the sheet is frozen. */
export async function signSheet(db: Db, actor: Actor, slotId: string, now: Date) {
  requireTrainingStaff(actor);
  return db.$transaction(async (tx) => {
    const slot = await tx.trainingSlot.findUnique({
      where: { id: slotId },
      select: { id: true, sessionId: true, signedAt: true, startsAt: true, endsAt: true },
    });
    if (!slot) throw notFound("slot");
    if (slot.signedAt) throw conflict("sheet_signed");
    const regs = await tx.trainingRegistration.findMany({
      where: { sessionId: slot.sessionId, status: "confirmed", attendances: { none: { slotId } } },
      select: { id: true },
    });
    await tx.trainingAttendance.createMany({
      data: regs.map((r) => ({
        slotId,
        registrationId: r.id,
        status: "absent" as const,
        confirmedBy: "trainer",
        confirmedAt: now,
      })),
      skipDuplicates: true,
    });
    await tx.trainingSlot.update({
      where: { id: slotId },
      data: { signedAt: now, signedById: actor.userId || null, signedByName: actor.name },
    });
    await recordTrainingEvent(tx, {
      sessionId: slot.sessionId,
      kind: "sheet_signed",
      actor,
      data: localSlot(slot),
      at: now,
    });
    return { slotId };
  });
}
