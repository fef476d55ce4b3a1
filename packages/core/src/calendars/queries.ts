import type { Db } from "@mutuo/db";
import { notFound } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { requireRole } from "../access/index.ts";
import { isoDate, localDateOf, previewDays, publicHolidays } from "../sla/index.ts";
import { dateOnly, toEngineCalendar } from "./engine.ts";
import { previewInput } from "./schema.ts";
import type { z } from "zod";

export async function listCalendars(db: Db, actor: Actor) {
  requireRole(actor, "technician", "manager", "admin");
  const rows = await db.businessCalendar.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    include: { _count: { select: { closures: true, termSets: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    timeZone: r.timeZone,
    holidayZone: r.holidayZone,
    weekly: r.weekly as Record<string, { from: string; to: string }[]>,
    closures: r._count.closures,
    usedBy: r._count.termSets,
  }));
}

export async function getCalendar(db: Db, actor: Actor, id: string) {
  requireRole(actor, "technician", "manager", "admin");
  const row = await db.businessCalendar.findUnique({
    where: { id },
    include: { closures: { orderBy: [{ startDate: "asc" }, { id: "asc" }] } },
  });
  if (!row) throw notFound("calendar");
  return {
    ...row,
    weekly: row.weekly as Record<string, { from: string; to: string }[]>,
    closures: row.closures.map((c) => ({
      id: c.id,
      startDate: dateOnly(c.startDate),
      endDate: dateOnly(c.endDate),
      label: c.label,
    })),
  };
}

/** The coming days' working time of a calendar, with holidays of the years covered. */
export async function previewCalendar(
  db: Db,
  actor: Actor,
  raw: z.input<typeof previewInput>,
  now = new Date(),
) {
  const input = previewInput.parse(raw);
  const row = await db.businessCalendar.findUnique({ where: { id: input.id }, include: { closures: true } });
  if (!row) throw notFound("calendar");
  requireRole(actor, "technician", "manager", "admin");
  const calendar = toEngineCalendar(row);
  const from = input.from ?? isoDate(localDateOf(calendar.timeZone, now.getTime()));
  const days = previewDays(calendar, from, input.days);
  const year = Number(from.slice(0, 4));
  const holidays = calendar.holidayZone === "none" ? [] : publicHolidays(year, calendar.holidayZone);
  return { from, days, totalMinutes: days.reduce((n, d) => n + d.minutes, 0), holidays };
}
