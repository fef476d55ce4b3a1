// Daily loan alerts through the outbox, once per milestone and recipient (the outbox's dedupKey makes
// a second run, or a second worker, queue nothing more): a loan ending in 30 and 7 days, an overdue
// return (technicians and the body's agents), an inventory waiting for the partner's validation for more
// than 3 days (the body's agents, then the technician who made the loan).
import type { Db } from "@mutuo/db";
import { localToday } from "../conventions/index.ts";
import { enqueueMail } from "../notifications/index.ts";
import { dateOnly, fromDateOnly } from "../shared/dates.ts";
import { TX } from "./mutate.ts";
import { AWAITING_PARTNER_DAYS, daysFromTo, endingMilestone } from "./rules.ts";

type Person = { id: string; email: string; locale: string; name: string };

export async function sendLoanAlerts(db: Db, now: Date): Promise<number> {
  const today = localToday(now);
  const soon = fromDateOnly(dateOnly(new Date(fromDateOnly(today).getTime() + 30 * 86_400_000)));
  const agentsOf = {
    select: {
      legalName: true,
      memberships: {
        where: { user: { active: true, anonymisedAt: null, role: "agent" as const } },
        select: { user: { select: { id: true, email: true, locale: true, name: true } } },
      },
    },
  };
  const [loans, technicians, waiting] = await Promise.all([
    db.loan.findMany({
      where: { status: { in: ["inventory_signed", "in_service"] }, endDate: { lte: soon } },
      select: { id: true, number: true, endDate: true, body: agentsOf },
    }),
    db.user.findMany({
      where: { role: "technician", active: true, anonymisedAt: null },
      select: { id: true, email: true, locale: true, name: true },
    }),
    db.loanDocument.findMany({
      where: {
        frozenAt: null,
        signOffs: {
          some: {
            party: "provider",
            at: { lt: new Date(now.getTime() - AWAITING_PARTNER_DAYS * 86_400_000) },
          },
        },
        NOT: { signOffs: { some: { party: "borrower" } } },
      },
      select: {
        id: true,
        kind: true,
        signOffs: { select: { userId: true } },
        loan: { select: { id: true, number: true, createdById: true, body: agentsOf } },
      },
    }),
  ]);
  let queued = 0;
  const send = async (
    tx: Parameters<Parameters<Db["$transaction"]>[0]>[0],
    key: string,
    to: Person[],
    data: Record<string, unknown>,
  ) => {
    for (const r of to) {
      await enqueueMail(tx, {
        dedupKey: `${key}:${r.id}`,
        template: "loan.alert",
        to: r.email,
        toUserId: r.id,
        locale: r.locale,
        data: { ...data, name: r.name },
      });
      queued++;
    }
  };
  for (const l of loans) {
    const end = dateOnly(l.endDate);
    const days = daysFromTo(today, end);
    const agents = l.body.memberships.map((m) => m.user);
    const base = { number: l.number, body_name: l.body.legalName, date: end, days, path: `/prets/${l.id}` };
    await db.$transaction(async (tx) => {
      if (days < 0)
        await send(tx, `loan.overdue:${l.id}:${end}`, [...technicians, ...agents], {
          ...base,
          kind: "overdue",
        });
      else {
        const m = endingMilestone(days);
        if (m)
          await send(tx, `loan.ending:${l.id}:${end}:${m}`, [...technicians, ...agents], {
            ...base,
            kind: "ending",
          });
      }
    }, TX);
  }
  for (const d of waiting) {
    const agents = d.loan.body.memberships.map((m) => m.user);
    const techIds = [d.loan.createdById, ...d.signOffs.map((s) => s.userId)].filter(Boolean) as string[];
    const techs = technicians.filter((t) => techIds.includes(t.id));
    const base = {
      number: d.loan.number,
      body_name: d.loan.body.legalName,
      kind: "awaiting",
      path: `/prets/${d.loan.id}`,
    };
    await db.$transaction(async (tx) => {
      await send(tx, `loan.awaiting:${d.id}`, [...agents, ...techs], base);
    }, TX);
  }
  return queued;
}
