// The optional daily digest of technicians (off by default, in their preferences).
import type { Db } from "@mutuo/db";
import { localToday } from "../conventions/index.ts";
import { enqueueMail } from "../notifications/index.ts";
import { OPEN_STATUSES } from "./rules.ts";

export async function sendDigests(db: Db, now: Date): Promise<number> {
  const staff = await db.user.findMany({
    where: { role: { in: ["technician", "manager", "admin"] }, active: true, anonymisedAt: null },
    select: { id: true, email: true, locale: true, name: true },
  });
  const day = localToday(now);
  let queued = 0;
  for (const u of staff) {
    const items = await db.ticket.findMany({
      where: { assigneeId: u.id, status: { in: OPEN_STATUSES } },
      orderBy: [{ slaDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: 50,
      select: { number: true, subject: true, slaDueAt: true },
    });
    if (items.length === 0) continue;
    await db.$transaction(async (tx) => {
      await enqueueMail(tx, {
        dedupKey: `ticket.digest:${u.id}:${day}`,
        template: "ticket.digest",
        to: u.email,
        toUserId: u.id,
        locale: u.locale,
        data: {
          name: u.name,
          path: "/tickets?view=mine",
          items: items.map((i) => ({
            number: i.number,
            subject: i.subject,
            dueAt: i.slaDueAt?.toISOString() ?? null,
          })),
        },
      });
    });
    queued++;
  }
  return queued;
}
