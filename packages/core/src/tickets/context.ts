// What a technician needs beside a ticket: the body (its other open tickets, its contacts) and the
// convention and terms in force today for this service — read in one parallel round, after access.
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { resolveTerms } from "../conventions/index.ts";
import { assertTicketVisible, requireStaff } from "./policy.ts";
import { OPEN_STATUSES } from "./rules.ts";

export async function ticketContext(db: Db, actor: Actor, ticketId: string, now = new Date()) {
  requireStaff(actor);
  const t = await db.ticket.findUnique({
    where: { id: ticketId },
    select: { id: true, bodyId: true, serviceId: true, priority: true },
  });
  assertTicketVisible(actor, t);
  const ticket = t!;
  const [body, openTickets, openCount, contacts, conventions, terms] = await Promise.all([
    db.body.findUniqueOrThrow({
      where: { id: ticket.bodyId },
      select: { id: true, legalName: true, kind: true, city: true, dpoName: true, dpoEmail: true },
    }),
    db.ticket.findMany({
      where: { bodyId: ticket.bodyId, status: { in: OPEN_STATUSES }, id: { not: ticket.id } },
      select: { id: true, number: true, subject: true, status: true, priority: true },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: 8,
    }),
    db.ticket.count({
      where: { bodyId: ticket.bodyId, status: { in: OPEN_STATUSES }, id: { not: ticket.id } },
    }),
    db.user.findMany({
      where: {
        role: "agent",
        active: true,
        anonymisedAt: null,
        memberships: { some: { bodyId: ticket.bodyId } },
      },
      select: { id: true, name: true, email: true, phone: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 10,
    }),
    db.convention.findMany({
      where: { signatoryBodyId: ticket.bodyId, status: { in: ["active", "notice_given"] } },
      select: { id: true, number: true, title: true, deliberationRef: true, startDate: true, endDate: true },
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
    }),
    resolveTerms(db, {
      bodyId: ticket.bodyId,
      serviceId: ticket.serviceId,
      priority: ticket.priority,
      at: now,
    }),
  ]);
  return {
    body,
    openTickets,
    openCount,
    contacts,
    conventions,
    termsToday: terms
      ? {
          source: terms.source,
          conventionId: terms.conventionId,
          conventionNumber: terms.conventionNumber,
          versionNumber: terms.versionNumber,
          calendarName: terms.calendarName,
          priority: ticket.priority,
          ...terms.target,
        }
      : null,
  };
}
