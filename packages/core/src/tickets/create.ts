// Intake: a partner agent on the portal, or a technician entering a phone call, e-mail or letter.
import type { Db, DbTx, Prisma, Ticket } from "@mutuo/db";
import { assertAssetPickable, recordAssetEvent } from "../assets/index.ts";
import { recordAudit } from "../audit/index.ts";
import { inForceOn, localToday, resolveTerms } from "../conventions/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import type { FileStore } from "../files/index.ts";
import { isStaff, type Actor } from "../access/index.ts";
import { canSeeBody } from "../access/index.ts";
import { nextCounter } from "../shared/counter.ts";
import { isoDate, localDateOf } from "../sla/index.ts";
import { attachStoredFiles, linkFiles, stageFiles } from "./attachments.ts";
import { priorityOf, ticketNumber } from "./rules.ts";
import { staffTicketInput, ticketInput, type StaffTicketInput, type TicketInput } from "./schema.ts";
import { notifyNewTicket, notifyReceived, notifySla } from "./notify.ts";
import { computeSla } from "./sla.ts";

/** Services a body may report on: those of its conventions in force, else the whole active catalogue. */
export async function servicesForBody(db: Db, actor: Actor, bodyId: string, now = new Date()) {
  if (!canSeeBody(actor, bodyId)) throw notFound("body");
  const today = localToday(now);
  const conventions = await db.convention.findMany({
    where: { signatoryBodyId: bodyId, status: { in: ["active", "notice_given"] } },
    include: {
      versions: {
        where: { signedAt: { not: null } },
        include: { termSets: { include: { service: { select: { id: true, name: true, active: true } } } } },
      },
    },
  });
  const covered = new Map<string, { id: string; name: string }>();
  for (const c of conventions) {
    const dates = {
      status: c.status,
      startDate: c.startDate.toISOString().slice(0, 10),
      endDate: c.endDate?.toISOString().slice(0, 10) ?? null,
      noticeEffectiveOn: c.noticeEffectiveOn?.toISOString().slice(0, 10) ?? null,
      terminatedOn: c.terminatedOn?.toISOString().slice(0, 10) ?? null,
    };
    if (!inForceOn(dates, today)) continue;
    for (const v of c.versions)
      for (const s of v.termSets)
        if (s.service.active) covered.set(s.service.id, { id: s.service.id, name: s.service.name });
  }
  if (covered.size > 0)
    return { covered: true, services: [...covered.values()].sort((a, b) => a.name.localeCompare(b.name)) };
  const all = await db.service.findMany({
    where: { active: true },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return { covered: false, services: all };
}

/** How a ticket arrived when not typed on the portal by its declarant (an e-mail read by the worker). */
export interface IntakeOptions {
  via?: { channel: "email"; receivedAt: Date };
  /** Files already stored (a quarantined e-mail's attachments) to attach to the ticket. */
  fileIds?: string[];
  /** Runs in the ticket's transaction (records the e-mail that opened it). */
  inTx?: (tx: DbTx, ticket: Ticket) => Promise<void>;
  /** An internal note added at creation (e.g. the service was guessed). */
  note?: string;
}

export async function createTicket(
  db: Db,
  files: FileStore,
  actor: Actor,
  raw: TicketInput | StaffTicketInput,
  now = new Date(),
  opts: IntakeOptions = {},
) {
  const staff = isStaff(actor);
  const input =
    staff && "channel" in raw
      ? staffTicketInput.parse(raw)
      : {
          ...ticketInput.parse(raw),
          channel: opts.via?.channel ?? ("portal" as const),
          receivedAt: opts.via?.receivedAt ?? now,
        };
  if (input.receivedAt.getTime() > now.getTime() + 60_000) throw invalid("receivedAt", "future");
  const body = await db.body.findUnique({
    where: { id: input.bodyId },
    select: { id: true, kind: true, status: true },
  });
  if (!body || !canSeeBody(actor, body.id)) throw notFound("body");
  if (body.kind === "provider") throw invalid("bodyId", "unknown_partner");
  if (input.assetId)
    await assertAssetPickable(db, actor, input.assetId, body.id).catch(() => {
      throw invalid("assetId", "unknown_asset");
    });
  const service = await db.service.findUnique({ where: { id: input.serviceId }, select: { active: true } });
  if (!service?.active) throw invalid("serviceId", "unknown_service");
  if (!staff) {
    const allowed = await servicesForBody(db, actor, body.id, now);
    if (!allowed.services.some((s) => s.id === input.serviceId))
      throw invalid("serviceId", "service_not_covered");
  }
  const priority = priorityOf(input.impact, input.urgency);
  const terms = await resolveTerms(db, {
    bodyId: body.id,
    serviceId: input.serviceId,
    priority,
    at: input.receivedAt,
  });
  if (!staff && terms?.source === "convention" && !terms.channels.includes(input.channel))
    throw invalid("serviceId", "channel_not_allowed");
  const { staged, discard } = await stageFiles(files, input.attachments);
  try {
    return await db.$transaction(async (tx) => {
      const year = localDateOf("Europe/Paris", input.receivedAt.getTime()).year;
      const number = ticketNumber(year, await nextCounter(tx, `ticket:${year}`));
      const base = {
        number,
        bodyId: body.id,
        serviceId: input.serviceId,
        subject: input.subject,
        description: input.description,
        category: input.category,
        equipment: input.equipment,
        assetId: input.assetId,
        impact: input.impact,
        urgency: input.urgency,
        priority,
        channel: input.channel,
        status: "new" as const,
        declarantName: input.declarantName,
        declarantPhone: input.declarantPhone,
        declarantEmail: input.declarantEmail,
        createdById: actor.userId,
        receivedAt: input.receivedAt,
        createdAt: now,
        termsSource: terms?.source ?? "none",
        conventionId: terms?.conventionId ?? null,
        conventionVersionId: terms?.versionId ?? null,
        slaCalendar: (terms?.calendar ? { ...terms.calendar, name: terms.calendarName } : undefined) as
          Prisma.InputJsonValue | undefined,
        interventionMinutes: terms?.target.interventionMinutes ?? null,
        interventionBasis: terms?.target.interventionBasis ?? null,
        resolutionMinutes: terms?.target.resolutionMinutes ?? null,
        resolutionBasis: terms?.target.resolutionBasis ?? null,
        warningPercent: terms?.target.warningPercent ?? 75,
      };
      const sla = computeSla(
        {
          ...base,
          slaCalendar: terms?.calendar ?? null,
          interventionAt: null,
          resolvedAt: null,
          interventionDueAt: null,
          interventionDueManual: false,
          resolutionDueAt: null,
          resolutionDueManual: false,
        },
        [],
        now,
      );
      const ticket = await tx.ticket.create({ data: { ...base, ...sla } });
      if (opts.inTx) await opts.inTx(tx, ticket);
      await tx.ticketMessage.create({
        data: {
          ticketId: ticket.id,
          kind: "event",
          authorId: actor.userId,
          authorLabel: actor.name,
          fromStaff: staff,
          data: { created: input.channel, receivedAt: input.receivedAt.toISOString() },
          createdAt: now,
        },
      });
      if (input.assetId)
        await recordAssetEvent(tx, {
          assetId: input.assetId,
          kind: "ticket_linked",
          data: { ticketId: ticket.id, number },
          actorId: actor.userId,
          at: now,
        });
      await linkFiles(tx, staged, ticket.id, null, false, actor.userId);
      await attachStoredFiles(tx, opts.fileIds ?? [], ticket.id, null);
      if (opts.note)
        await tx.ticketMessage.create({
          data: {
            ticketId: ticket.id,
            kind: "note",
            authorId: null,
            authorLabel: "Mutuo",
            fromStaff: true,
            body: opts.note,
            createdAt: now,
          },
        });
      await notifyReceived(tx, ticket);
      await notifyNewTicket(tx, ticket, actor.userId || null);
      await notifySla(tx, { interventionState: "none", resolutionState: "none" }, ticket);
      await recordAudit(tx, {
        actor,
        channel: opts.via ? "email" : "web",
        entityType: "Ticket",
        entityId: ticket.id,
        bodyId: body.id,
        action: "create",
        after: {
          number,
          subject: input.subject,
          declarantName: input.declarantName,
          channel: input.channel,
          receivedAt: input.receivedAt.toISOString(),
          receivedOn: isoDate(localDateOf("Europe/Paris", input.receivedAt.getTime())),
        },
      });
      return ticket;
    });
  } catch (error) {
    await discard();
    throw error;
  }
}
