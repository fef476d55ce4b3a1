// Working a ticket: status (with the SLA pause), assignment, priority, diagnosis, deadlines by hand.
import { Prisma, type Db, type DbTx, type Ticket, type TicketStatus } from "@mutuo/db";
import { resolveTerms } from "../conventions/index.ts";
import { conflict, invalid } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { mutateTicket, syncPause } from "./mutate.ts";
import { notifyAssignee, notifyDeclarant } from "./notify.ts";
import { requireStaff } from "./policy.ts";
import { canMove, isReopen, priorityOf } from "./rules.ts";
import {
  assignInput,
  bulkInput,
  deadlineInput,
  diagnosisInput,
  priorityInput,
  serviceInput,
  statusInput,
} from "./schema.ts";
import type { z } from "zod";

/** Data for a move from one status to another (timestamps the SLA depends on, the wait's date). */
export function statusData(t: Ticket, to: TicketStatus, now: Date, waitingUntil?: Date | null) {
  const data: Record<string, unknown> = { status: to };
  if (to === "in_progress" && !t.interventionAt) data.interventionAt = now;
  if (to === "resolved") {
    data.resolvedAt = now;
    if (!t.interventionAt) data.interventionAt = now;
  }
  if (isReopen(t.status, to)) data.resolvedAt = null; // the time since resolution is not a pause
  if (to === "closed") data.closedAt = now;
  if (to === "waiting_partner") {
    if (waitingUntil && waitingUntil.getTime() <= now.getTime())
      throw invalid("waitingUntil", "wait_in_past");
    Object.assign(data, { waitingUntil: waitingUntil ?? null, waitingReminders: 0, waitingHandledFor: null });
  } else if (t.status === "waiting_partner") Object.assign(data, { waitingUntil: null, waitingReminders: 0 });
  return data;
}

/** Moves a ticket to another status inside its mutation: the check, the SLA pause, the data and the event. */
export async function moveStatus(
  tx: DbTx,
  actor: Actor,
  t: Ticket,
  to: TicketStatus,
  now: Date,
  waitingUntil?: Date | null,
) {
  if (t.mergedIntoId) throw conflict("ticket_merged");
  // Already waiting: only the date changes.
  if (t.status === to && to === "waiting_partner") {
    const data = statusData(t, to, now, waitingUntil);
    delete data.status;
    return { data, event: { data: { waitingUntil: waitingUntil?.toISOString() ?? null } } };
  }
  if (!canMove(t.status, to, actor.role)) throw invalid("status", "transition", { from: t.status, to });
  const data = statusData(t, to, now, waitingUntil);
  await syncPause(tx, t.id, t.status, to, now);
  const extra = to === "waiting_partner" && waitingUntil ? { waitingUntil: waitingUntil.toISOString() } : {};
  return { data, event: { data: { status: [t.status, to], ...extra } } };
}

export async function changeStatus(db: Db, actor: Actor, raw: z.input<typeof statusInput>, now = new Date()) {
  const input = statusInput.parse(raw);
  return mutateTicket(
    db,
    actor,
    input.ticketId,
    async (tx, t) => {
      const sameWait = t.status === "waiting_partner" && input.status === "waiting_partner";
      if (t.status === input.status && !(sameWait && input.waitingUntil !== undefined)) return {};
      const moved = await moveStatus(tx, actor, t, input.status, now, input.waitingUntil);
      const events: { kind?: "reply" | "event"; body?: string; data?: Record<string, unknown> }[] = [
        moved.event,
      ];
      const data = moved.data;
      if (input.comment) {
        events.push({ kind: "reply", body: input.comment });
        // A public reply from staff is an intervention.
        if (actor.role !== "agent" && !t.interventionAt) data.interventionAt = now;
      }
      const key = `${input.status}:${now.getTime()}`;
      const after = async (tx: DbTx, final: Ticket) => {
        if (actor.role === "agent") return;
        if (input.status === "waiting_partner")
          await notifyDeclarant(tx, final, { key, template: "ticket.waiting", body: input.comment });
        else if (input.comment)
          await notifyDeclarant(tx, final, { key, template: "ticket.reply", body: input.comment });
        else if (input.status === "resolved")
          await notifyDeclarant(tx, final, { key, template: "ticket.status" });
      };
      return { data, events, after };
    },
    now,
  );
}

export async function assignTicket(db: Db, actor: Actor, raw: z.input<typeof assignInput>, now = new Date()) {
  requireStaff(actor);
  const input = assignInput.parse(raw);
  const assignee = input.assigneeId
    ? await db.user.findUnique({
        where: { id: input.assigneeId },
        select: { id: true, name: true, role: true, active: true },
      })
    : null;
  if (input.assigneeId && (!assignee || assignee.role === "agent" || !assignee.active))
    throw invalid("assigneeId", "unknown_technician");
  return mutateTicket(
    db,
    actor,
    input.ticketId,
    async (tx, t) => {
      if (t.assigneeId === input.assigneeId) return {};
      const data: Record<string, unknown> = { assigneeId: input.assigneeId };
      if (input.assigneeId && t.status === "new") data.status = "assigned";
      if (!input.assigneeId && t.status === "assigned") data.status = "new";
      const after = async (tx: DbTx, final: Ticket) => {
        if (input.assigneeId && input.assigneeId !== actor.userId)
          await notifyAssignee(tx, final, {
            key: `${input.assigneeId}:${now.getTime()}`,
            template: "ticket.assigned",
          });
      };
      return {
        after,
        data,
        events: [
          {
            data: {
              assignee: [t.assigneeId, assignee?.name ?? null],
              ...(data.status ? { status: [t.status, data.status] } : {}),
            },
          },
        ],
      };
    },
    now,
  );
}

/** Bulk assignment and status change from the queue; each ticket is checked and changed on its own. */
export async function bulkUpdate(db: Db, actor: Actor, raw: z.input<typeof bulkInput>, now = new Date()) {
  requireStaff(actor);
  const input = bulkInput.parse(raw);
  const results: { ticketId: string; ok: boolean; error?: string }[] = [];
  for (const ticketId of input.ticketIds) {
    try {
      if (input.assigneeId !== undefined)
        await assignTicket(db, actor, { ticketId, assigneeId: input.assigneeId }, now);
      if (input.status) await changeStatus(db, actor, { ticketId, status: input.status }, now);
      results.push({ ticketId, ok: true });
    } catch (e) {
      results.push({ ticketId, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { updated: results.filter((r) => r.ok).length, results };
}

/** New impact × urgency: targets from the same terms (at reception) for the new priority; pauses kept. */
export async function changePriority(
  db: Db,
  actor: Actor,
  raw: z.input<typeof priorityInput>,
  now = new Date(),
) {
  requireStaff(actor);
  const input = priorityInput.parse(raw);
  return mutateTicket(
    db,
    actor,
    input.ticketId,
    async (_tx, t) => {
      const priority = priorityOf(input.impact, input.urgency);
      if (priority === t.priority && input.impact === t.impact && input.urgency === t.urgency) return {};
      const terms = await resolveTerms(db, {
        bodyId: t.bodyId,
        serviceId: t.serviceId,
        priority,
        at: t.receivedAt,
      });
      const data = {
        impact: input.impact,
        urgency: input.urgency,
        priority,
        ...(terms
          ? {
              interventionMinutes: terms.target.interventionMinutes,
              interventionBasis: terms.target.interventionBasis,
              resolutionMinutes: terms.target.resolutionMinutes,
              resolutionBasis: terms.target.resolutionBasis,
              warningPercent: terms.target.warningPercent,
            }
          : {}),
      };
      return { data, events: [{ data: { priority: [t.priority, priority] } }] };
    },
    now,
  );
}

/** Requalifies a ticket to another service: terms re-read for that service at reception; pauses kept. */
export async function changeService(
  db: Db,
  actor: Actor,
  raw: z.input<typeof serviceInput>,
  now = new Date(),
) {
  requireStaff(actor);
  const input = serviceInput.parse(raw);
  const service = await db.service.findUnique({
    where: { id: input.serviceId },
    select: { name: true, active: true },
  });
  if (!service?.active) throw invalid("serviceId", "unknown_service");
  return mutateTicket(
    db,
    actor,
    input.ticketId,
    async (tx, t) => {
      if (t.serviceId === input.serviceId) return {};
      const before = await tx.service.findUnique({ where: { id: t.serviceId }, select: { name: true } });
      const terms = await resolveTerms(db, {
        bodyId: t.bodyId,
        serviceId: input.serviceId,
        priority: t.priority,
        at: t.receivedAt,
      });
      const data = {
        serviceId: input.serviceId,
        termsSource: terms?.source ?? "none",
        conventionId: terms?.conventionId ?? null,
        conventionVersionId: terms?.versionId ?? null,
        slaCalendar: terms?.calendar
          ? ({ ...terms.calendar, name: terms.calendarName } as unknown as Prisma.InputJsonValue)
          : Prisma.DbNull,
        interventionMinutes: terms?.target.interventionMinutes ?? null,
        interventionBasis: terms?.target.interventionBasis ?? null,
        resolutionMinutes: terms?.target.resolutionMinutes ?? null,
        resolutionBasis: terms?.target.resolutionBasis ?? null,
        warningPercent: terms?.target.warningPercent ?? 75,
      };
      return { data, events: [{ data: { service: [before?.name ?? "", service.name] } }] };
    },
    now,
  );
}

export async function setDiagnosis(
  db: Db,
  actor: Actor,
  raw: z.input<typeof diagnosisInput>,
  now = new Date(),
) {
  requireStaff(actor);
  const input = diagnosisInput.parse(raw);
  return mutateTicket(
    db,
    actor,
    input.ticketId,
    async () => ({
      data: { diagnosis: input.diagnosis, estimatedRestorationAt: input.estimatedRestorationAt },
      events: [
        {
          body: input.diagnosis,
          data: {
            diagnosis: true,
            estimatedRestorationAt: input.estimatedRestorationAt?.toISOString() ?? null,
          },
        },
      ],
    }),
    now,
  );
}

/** A deadline set by hand: never moved by a recompute. Null goes back to the computed one. */
export async function setDeadline(
  db: Db,
  actor: Actor,
  raw: z.input<typeof deadlineInput>,
  now = new Date(),
) {
  requireStaff(actor);
  if (actor.role === "technician") throw invalid("dueAt", "manager_only");
  const input = deadlineInput.parse(raw);
  return mutateTicket(
    db,
    actor,
    input.ticketId,
    async (_tx, t) => {
      const field = input.target === "intervention" ? "interventionDueAt" : "resolutionDueAt";
      const flag = input.target === "intervention" ? "interventionDueManual" : "resolutionDueManual";
      return {
        data: { [field]: input.dueAt, [flag]: input.dueAt !== null },
        events: [
          {
            kind: "note",
            body: input.reason,
            data: {
              deadline: [input.target, t[field]?.toISOString() ?? null, input.dueAt?.toISOString() ?? null],
            },
          },
        ],
      };
    },
    now,
  );
}
