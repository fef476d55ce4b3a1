// Reading tickets within the isolation rule: the queue (filters, sorts, keyset pages, counts) and a
// ticket's page (conversation without internal notes for partners, SLA explainer).
import type { Db } from "@mutuo/db";
import { isStaff, type Actor } from "../access/index.ts";
import type { Page } from "../shared/cursor.ts";
import { explainDeadline } from "../sla/index.ts";
import { assertTicketVisible, visibleKinds } from "./policy.ts";
import { listTicketsInput, type ListTicketsInput } from "./schema.ts";
import { queueCountsSql, queuePage } from "./queue-sql.ts";
import { projectForReader } from "./reader.ts";
import { calendarFor } from "./sla.ts";
import type { TicketListItem } from "./list-item.ts";

export { ticketListSelect, type TicketListItem } from "./list-item.ts";

export async function listTickets(
  db: Db,
  actor: Actor,
  raw: ListTicketsInput,
  now = new Date(),
): Promise<Page<TicketListItem>> {
  return queuePage(db, actor, listTicketsInput.parse(raw), now);
}

/** Open tickets by status, and the counts of the built-in views, for the queue header. */
export async function queueCounts(db: Db, actor: Actor, now = new Date()) {
  return queueCountsSql(db, actor, listTicketsInput.parse({}), now);
}

export async function getTicket(db: Db, actor: Actor, id: string, now = new Date()) {
  const staff = isStaff(actor);
  const t = await db.ticket.findUnique({
    where: { id },
    include: {
      body: { select: { id: true, legalName: true } },
      service: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true } },
      mergedInto: { select: { id: true, number: true, bodyId: true } },
    },
  });
  assertTicketVisible(actor, t);
  const ticket = t!;
  // The rest in parallel (independent reads on the pool), once access is checked.
  const fileSelect = { file: { select: { name: true, size: true, mimeType: true } } } as const;
  const linkSelect = { id: true, number: true, subject: true, bodyId: true, status: true } as const;
  const [messages, attachments, pauseRows, linksFrom, linksTo, merged] = await Promise.all([
    db.ticketMessage.findMany({
      where: { ticketId: id, kind: { in: [...visibleKinds(actor)] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { attachments: { include: fileSelect } },
    }),
    db.ticketAttachment.findMany({ where: { ticketId: id, messageId: null }, include: fileSelect }),
    db.ticketPause.findMany({ where: { ticketId: id }, orderBy: { startedAt: "asc" } }),
    db.ticketLink.findMany({ where: { fromId: id }, include: { to: { select: linkSelect } } }),
    db.ticketLink.findMany({ where: { toId: id }, include: { from: { select: linkSelect } } }),
    db.ticket.findMany({
      where: { mergedIntoId: id },
      select: { id: true, number: true, subject: true, bodyId: true },
    }),
  ]);
  const { createdById: _c, slaCalendar, mergedInto, mergedIntoId, ...rest } = ticket;
  // Links, merges and the events naming other tickets, as this reader may see them.
  const seen = await projectForReader(db, actor, {
    messages,
    links: [...linksFrom.map((l) => l.to), ...linksTo.map((l) => l.from)],
    merged,
    mergedInto,
  });
  const pauses = pauseRows.map((p) => ({ from: p.startedAt, to: p.endedAt }));
  const explain = (basis: typeof ticket.interventionBasis, due: Date | null, achieved: Date | null) =>
    basis
      ? explainDeadline(calendarFor(basis, slaCalendar), ticket.receivedAt, achieved ?? due ?? now, pauses)
      : [];
  return {
    ...rest,
    ...seen,
    mergedIntoId: seen.mergedInto ? mergedIntoId : null,
    attachments,
    pauses: pauseRows,
    calendarName: (slaCalendar as { name?: string } | null)?.name ?? null,
    explainer: {
      intervention: explain(
        ticket.interventionBasis,
        ticket.interventionDueAt,
        ticket.interventionAt ?? ticket.resolvedAt,
      ),
      resolution: explain(ticket.resolutionBasis, ticket.resolutionDueAt, ticket.resolvedAt),
    },
    canWork: staff,
  };
}

/** Technicians a ticket can be assigned to. */
export async function assignableStaff(db: Db, actor: Actor) {
  if (!isStaff(actor)) return [];
  return db.user.findMany({
    where: { role: { in: ["technician", "manager", "admin"] }, active: true, anonymisedAt: null },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
