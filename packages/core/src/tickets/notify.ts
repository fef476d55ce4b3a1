// Who hears about what happens to a ticket. Every message goes to the outbox in the transaction of
// the change, keyed by event and recipient so that it is queued once.
import type { DbTx, SlaState, Ticket } from "@mutuo/db";
import { enqueueMail } from "../notifications/index.ts";

async function data(tx: DbTx, t: Ticket, extra: Record<string, unknown> = {}) {
  const body = await tx.body.findUnique({ where: { id: t.bodyId }, select: { legalName: true } });
  return {
    number: t.number,
    subject: t.subject,
    path: `/tickets/${t.id}`,
    body_name: body?.legalName ?? "",
    ...extra,
  };
}

/** The declarant, as a person of Mutuo when their address is known (for their language). */
async function declarant(tx: DbTx, t: Ticket) {
  if (!t.declarantEmail) return null;
  const user = await tx.user.findUnique({
    where: { email: t.declarantEmail.toLowerCase() },
    select: { id: true, locale: true, name: true },
  });
  return {
    email: t.declarantEmail,
    userId: user?.id ?? null,
    locale: user?.locale ?? "fr",
    name: t.declarantName,
  };
}

async function person(tx: DbTx, userId: string | null) {
  if (!userId) return null;
  return tx.user.findFirst({
    where: { id: userId, active: true, anonymisedAt: null },
    select: { id: true, email: true, locale: true, name: true },
  });
}

export async function notifyReceived(tx: DbTx, t: Ticket): Promise<void> {
  const d = await declarant(tx, t);
  if (!d) return;
  await enqueueMail(tx, {
    dedupKey: `ticket.received:${t.id}:${d.email}`,
    template: "ticket.received",
    to: d.email,
    toUserId: d.userId,
    locale: d.locale,
    ticketId: t.id,
    data: await data(tx, t, { name: d.name, dueAt: t.interventionDueAt?.toISOString() ?? null }),
  });
}

/** A staff public reply, or a status the partner must know about, to the declarant. */
export async function notifyDeclarant(
  tx: DbTx,
  t: Ticket,
  event: {
    key: string;
    template:
      | "ticket.reply"
      | "ticket.status"
      | "ticket.waiting"
      | "ticket.waiting-reminder"
      | "ticket.waiting-closed";
    body?: string;
  },
): Promise<void> {
  const d = await declarant(tx, t);
  if (!d) return;
  await enqueueMail(tx, {
    dedupKey: `${event.template}:${t.id}:${event.key}:${d.email}`,
    template: event.template,
    to: d.email,
    toUserId: d.userId,
    locale: d.locale,
    ticketId: t.id,
    data: await data(tx, t, {
      name: d.name,
      status: t.status,
      body: event.body,
      waitingUntil: t.waitingUntil?.toISOString() ?? null,
    }),
  });
}

export async function notifyAssignee(
  tx: DbTx,
  t: Ticket,
  event: { key: string; template: "ticket.assigned" | "ticket.partner-reply"; body?: string },
): Promise<void> {
  const p = await person(tx, t.assigneeId);
  if (!p) return;
  await enqueueMail(tx, {
    dedupKey: `${event.template}:${t.id}:${event.key}:${p.id}`,
    template: event.template,
    to: p.email,
    toUserId: p.id,
    locale: p.locale,
    ticketId: t.id,
    data: await data(tx, t, { name: p.name, body: event.body, dueAt: t.slaDueAt?.toISOString() ?? null }),
  });
}

/** The wait on the partner has reached its date: the assignee is reminded, else the managers. */
export async function notifyWaitingDue(tx: DbTx, t: Ticket, due: Date): Promise<void> {
  const assignee = await person(tx, t.assigneeId);
  const recipients = assignee
    ? [assignee]
    : await tx.user.findMany({
        where: { role: "manager", active: true, anonymisedAt: null },
        select: { id: true, email: true, locale: true, name: true },
      });
  for (const r of recipients)
    await enqueueMail(tx, {
      dedupKey: `ticket.waiting-due:${t.id}:${due.toISOString()}:${r.id}`,
      template: "ticket.waiting-due",
      to: r.email,
      toUserId: r.id,
      locale: r.locale,
      ticketId: t.id,
      data: await data(tx, t, { name: r.name, waitingUntil: due.toISOString() }),
    });
}

/** Warning at the convention's threshold (to the assignee, else the managers) and breach (assignee
 * and managers), exactly once per ticket, target and recipient. */
export async function notifySla(
  tx: DbTx,
  before: Pick<Ticket, "interventionState" | "resolutionState">,
  t: Ticket,
): Promise<void> {
  const moves: { target: "intervention" | "resolution"; state: SlaState; dueAt: Date | null }[] = [];
  for (const target of ["intervention", "resolution"] as const) {
    const was = before[`${target}State`];
    const now = t[`${target}State`];
    if (now !== was && (now === "warning" || now === "breached"))
      moves.push({ target, state: now, dueAt: t[`${target}DueAt`] });
  }
  if (!moves.length) return;
  const managers = await tx.user.findMany({
    where: { role: "manager", active: true, anonymisedAt: null },
    select: { id: true, email: true, locale: true, name: true },
  });
  const assignee = await person(tx, t.assigneeId);
  for (const m of moves) {
    const recipients =
      m.state === "warning"
        ? assignee
          ? [assignee]
          : managers
        : [...(assignee ? [assignee] : []), ...managers.filter((x) => x.id !== assignee?.id)];
    const template = m.state === "warning" ? "ticket.sla-warning" : "ticket.sla-breach";
    for (const r of recipients) {
      await enqueueMail(tx, {
        dedupKey: `${template}:${t.id}:${m.target}:${r.id}`,
        template,
        to: r.email,
        toUserId: r.id,
        locale: r.locale,
        ticketId: t.id,
        data: await data(tx, t, { name: r.name, target: m.target, dueAt: m.dueAt?.toISOString() ?? null }),
      });
    }
  }
}

/** A new ticket alerts the DSI: the service's team address and technicians on duty (each may turn
 * these alerts off, except for critical tickets); a critical ticket of a service with nobody named
 * alerts every technician. The person who entered the ticket is not alerted of it. */
export async function notifyNewTicket(tx: DbTx, t: Ticket, createdById: string | null): Promise<void> {
  const service = await tx.service.findUnique({
    where: { id: t.serviceId },
    select: {
      name: true,
      alertEmail: true,
      alertRecipients: {
        where: { user: { active: true, anonymisedAt: null, role: { not: "agent" } } },
        select: { user: { select: { id: true, email: true, locale: true, name: true } } },
      },
    },
  });
  if (!service) return;
  const critical = t.priority === "critical";
  let people = service.alertRecipients.map((r) => r.user);
  if (critical && !people.length && !service.alertEmail)
    people = await tx.user.findMany({
      where: { role: "technician", active: true, anonymisedAt: null },
      select: { id: true, email: true, locale: true, name: true },
    });
  const extra = {
    service_name: service.name,
    priority: t.priority,
    dueAt: t.interventionDueAt?.toISOString() ?? null,
    body: t.description.slice(0, 2000),
  };
  const recipients = [
    ...people.filter((p) => p.id !== createdById).map((p) => ({ ...p, userId: p.id as string | null })),
    ...(service.alertEmail && !people.some((p) => p.email === service.alertEmail!.toLowerCase())
      ? [{ email: service.alertEmail, locale: "fr", name: "", userId: null }]
      : []),
  ];
  for (const r of recipients)
    await enqueueMail(tx, {
      dedupKey: `ticket.new:${t.id}:${r.email.toLowerCase()}`,
      template: "ticket.new",
      to: r.email,
      toUserId: r.userId,
      locale: r.locale,
      ticketId: t.id,
      always: critical,
      data: await data(tx, t, { name: r.name, ...extra }),
    });
}
