// Reading tickets within the isolation rule: the queue (filters, sorts, keyset pages, counts) and a
// ticket's page (conversation without internal notes for partners, SLA explainer).
import { canSeeAsset } from "../assets/index.ts";
import type { Db } from "@mutuo/db";
import { isStaff, type Actor } from "../access/index.ts";
import { cursorPart, decodeCursor, encodeCursor, type Page } from "../shared/cursor.ts";
import { addBusinessTime, elapsedWorkingTime, explainDeadline } from "../sla/index.ts";
import { assertTicketVisible, visibleKinds } from "./policy.ts";
import { listTicketsInput, queueChangesInput, type ListTicketsInput } from "./schema.ts";
import { queueChangesSql, queueCountsSql, queuePage } from "./queue-sql.ts";
import { OPEN_STATUSES } from "./rules.ts";
import { projectForReader } from "./reader.ts";
import { calendarFor } from "./sla.ts";
import type { TicketListItem } from "./list-item.ts";
import type { z } from "zod";

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

/**
 * New and changed tickets under the queue's filters since the page's mark (the live banner). The
 * mark is the newest change and creation among the tickets the person may see; polling it is cheap.
 */
export async function queueChanges(
  db: Db,
  actor: Actor,
  raw: z.input<typeof queueChangesInput>,
  now = new Date(),
): Promise<{ mark: string; created: number; changed: number }> {
  const { since, ...filters } = queueChangesInput.parse(raw);
  const [u, c] = since
    ? decodeCursor(since, [cursorPart.optionalInstant, cursorPart.optionalInstant])
    : ["", ""];
  const result = await queueChangesSql(
    db,
    actor,
    listTicketsInput.parse(filters),
    { updatedAt: u ? new Date(u) : null, createdAt: c ? new Date(c) : null },
    now,
  );
  const mark = encodeCursor([
    result.mark.updatedAt?.toISOString() ?? "",
    result.mark.createdAt?.toISOString() ?? "",
  ]);
  return { mark, created: result.created, changed: result.changed };
}

export async function getTicket(db: Db, actor: Actor, id: string, now = new Date()) {
  const staff = isStaff(actor);
  // One round: the ticket and its parts are read together (independent reads on the pool); the
  // parts of a ticket this person may not see are dropped unread by the check below.
  const fileSelect = { file: { select: { name: true, size: true, mimeType: true } } } as const;
  const linkSelect = { id: true, number: true, subject: true, bodyId: true, status: true } as const;
  const [t, messages, attachments, pauseRows, linksFrom, linksTo, merged] = await Promise.all([
    db.ticket.findUnique({
      where: { id },
      include: {
        body: { select: { id: true, legalName: true } },
        service: { select: { id: true, name: true } },
        assignee: { select: { id: true, name: true } },
        mergedInto: { select: { id: true, number: true, bodyId: true } },
        asset: {
          select: {
            id: true,
            tag: true,
            manufacturer: true,
            model: true,
            bodyId: true,
            kind: { select: { label: true } },
          },
        },
      },
    }),
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
  assertTicketVisible(actor, t);
  const ticket = t!;
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
  const asset = ticket.asset
    ? {
        id: ticket.asset.id,
        tag: ticket.asset.tag,
        manufacturer: ticket.asset.manufacturer,
        model: ticket.asset.model,
        kind: ticket.asset.kind,
        openable: canSeeAsset(actor, ticket.asset),
      }
    : null;
  return {
    ...rest,
    // The asset's holder is not shown; its page is a link only for who may open it.
    asset,
    clockStartsAt: clockStart(ticket, slaCalendar, pauses, now),
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

/** When no working time has elapsed yet on the first target (e.g. received on a Saturday): the
 * instant the clock starts (Monday 08:30), for the explainer; else null. */
function clockStart(
  t: {
    status: string;
    interventionBasis: "business" | "clock" | null;
    interventionAt: Date | null;
    receivedAt: Date;
  },
  snapshot: unknown,
  pauses: { from: Date; to: Date | null }[],
  now: Date,
): Date | null {
  if (t.interventionBasis !== "business" || t.interventionAt || !OPEN_STATUSES.includes(t.status as "new"))
    return null;
  if (t.status === "waiting_partner") return null;
  const calendar = calendarFor(t.interventionBasis, snapshot);
  try {
    if (elapsedWorkingTime(calendar, t.receivedAt, pauses, now) > 0) return null;
    const from = now > t.receivedAt ? now : t.receivedAt;
    // The first working minute after `from` ends one minute after the clock starts.
    return new Date(addBusinessTime(calendar, from, 60_000).getTime() - 60_000);
  } catch {
    return null; // a calendar without working time: nothing to explain
  }
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
