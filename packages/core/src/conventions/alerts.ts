// Conventions ending or reaching their notice deadline: e-mails to the managers and to the
// signatory body's agents, 90 and 30 days before, once per milestone and recipient.
import type { Db } from "@mutuo/db";
import { enqueueMail } from "../notifications/index.ts";
import { dateOnly, datesOf, localToday, toDbDate } from "./dates.ts";
import { addDaysTo, daysBetween, endingAttention } from "./rules.ts";

export const ALERT_DAYS = [90, 30] as const;

export async function sendEndingAlerts(db: Db, now: Date): Promise<number> {
  const today = localToday(now);
  const rows = await db.convention.findMany({
    where: {
      status: "active",
      endDate: { gte: toDbDate(today), lte: toDbDate(addDaysTo(today, 90 + 366 * 5)) },
    },
    include: {
      signatory: {
        select: {
          legalName: true,
          memberships: {
            select: {
              user: {
                select: {
                  id: true,
                  email: true,
                  locale: true,
                  name: true,
                  active: true,
                  anonymisedAt: true,
                  role: true,
                },
              },
            },
          },
        },
      },
    },
  });
  const managers = await db.user.findMany({
    where: { role: "manager", active: true, anonymisedAt: null },
    select: { id: true, email: true, locale: true, name: true },
  });
  let queued = 0;
  for (const c of rows) {
    const attention = endingAttention(
      {
        ...datesOf(c),
        renewalRule: c.renewalRule,
        renewalYears: c.renewalYears,
        noticeMonths: c.noticeMonths,
      },
      today,
      ALERT_DAYS[0],
    );
    if (!attention) continue;
    const days = daysBetween(today, attention.date);
    const milestone = days <= ALERT_DAYS[1] ? ALERT_DAYS[1] : ALERT_DAYS[0];
    const agents = c.signatory.memberships
      .map((m) => m.user)
      .filter((u) => u.active && !u.anonymisedAt && u.role === "agent");
    await db.$transaction(async (tx) => {
      for (const r of [...managers, ...agents]) {
        await enqueueMail(tx, {
          dedupKey: `convention.ending:${c.id}:${attention.kind}:${attention.date}:${milestone}:${r.id}`,
          template: "convention.ending",
          to: r.email,
          toUserId: r.id,
          locale: r.locale,
          data: {
            number: c.number,
            title: c.title,
            body_name: c.signatory.legalName,
            kind: attention.kind,
            date: attention.date,
            days,
            path: `/conventions/${c.id}`,
            name: r.name,
            endDate: dateOnly(c.endDate!),
          },
        });
        queued++;
      }
    });
  }
  return queued;
}
