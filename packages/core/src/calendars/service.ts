// Business calendars: managers and admins write, staff read.
import type { Db, Prisma } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { conflict, notFound } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { requireRole } from "../access/index.ts";
import { dateOnly, fromDateOnly } from "./engine.ts";
import { calendarInput, closureInput, type CalendarInput, type ClosureInput } from "./schema.ts";

const audited = (c: { name: string; timeZone: string; holidayZone: string; weekly: unknown }) => ({
  name: c.name,
  timeZone: c.timeZone,
  holidayZone: c.holidayZone,
  weekly: JSON.stringify(c.weekly),
});

async function nameFree(db: Prisma.TransactionClient, name: string, exceptId?: string) {
  const other = await db.businessCalendar.findUnique({ where: { name }, select: { id: true } });
  if (other && other.id !== exceptId) throw conflict("calendar name already used", "name");
}

export async function createCalendar(db: Db, actor: Actor, raw: CalendarInput) {
  requireRole(actor, "manager", "admin");
  const input = calendarInput.parse(raw);
  return db.$transaction(async (tx) => {
    await nameFree(tx, input.name);
    const cal = await tx.businessCalendar.create({
      data: { ...input, weekly: input.weekly as Prisma.InputJsonValue },
    });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "BusinessCalendar",
      entityId: cal.id,
      action: "create",
      after: audited(cal),
    });
    return cal;
  });
}

export async function updateCalendar(db: Db, actor: Actor, id: string, raw: CalendarInput) {
  requireRole(actor, "manager", "admin");
  const input = calendarInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await tx.businessCalendar.findUnique({ where: { id } });
    if (!before) throw notFound("calendar");
    await nameFree(tx, input.name, id);
    const cal = await tx.businessCalendar.update({
      where: { id },
      data: { ...input, weekly: input.weekly as Prisma.InputJsonValue },
    });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "BusinessCalendar",
      entityId: id,
      action: "update",
      before: audited(before),
      after: audited(cal),
    });
    return cal;
  });
}

export async function addClosure(db: Db, actor: Actor, raw: ClosureInput) {
  requireRole(actor, "manager", "admin");
  const input = closureInput.parse(raw);
  return db.$transaction(async (tx) => {
    if (!(await tx.businessCalendar.findUnique({ where: { id: input.calendarId }, select: { id: true } })))
      throw notFound("calendar");
    const c = await tx.calendarClosure.create({
      data: {
        calendarId: input.calendarId,
        startDate: fromDateOnly(input.startDate),
        endDate: fromDateOnly(input.endDate),
        label: input.label,
      },
    });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "BusinessCalendar",
      entityId: input.calendarId,
      action: "update",
      before: {},
      after: { [`closure ${input.startDate}…${input.endDate}`]: input.label },
    });
    return c;
  });
}

export async function removeClosure(db: Db, actor: Actor, closureId: string) {
  requireRole(actor, "manager", "admin");
  return db.$transaction(async (tx) => {
    const c = await tx.calendarClosure.findUnique({ where: { id: closureId } });
    if (!c) throw notFound("closure");
    await tx.calendarClosure.delete({ where: { id: closureId } });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "BusinessCalendar",
      entityId: c.calendarId,
      action: "update",
      before: { [`closure ${dateOnly(c.startDate)}…${dateOnly(c.endDate)}`]: c.label },
      after: {},
    });
  });
}
