// A convention's life: activation (signature), notice, termination, renewal, and what time does.
import type { Convention, Db, Prisma } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { conflict, invalid, notFound } from "../errors/index.ts";
import type { Actor, AnyActor } from "../access/index.ts";
import { dateOnly, datesOf, localToday, toDbDate } from "./dates.ts";
import { requireConventionManager } from "./policy.ts";
import { canDo, noticeEffectiveDate, rollOver, type LifecycleAction } from "./rules.ts";
import { conventionFields } from "./service.ts";
import { noticeInput, renewInput, terminateInput } from "./schema.ts";
import type { z } from "zod";

type Change = (c: Convention) => Prisma.ConventionUpdateInput;

async function transition(db: Db, actor: AnyActor, id: string, action: LifecycleAction, change: Change) {
  return db.$transaction(async (tx) => {
    const before = await tx.convention.findUnique({ where: { id } });
    if (!before) throw notFound("convention");
    if (!canDo(before.status, action)) throw conflict(`cannot_${action}`);
    const data = change(before);
    const after = await tx.convention.update({ where: { id }, data });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Convention",
      entityId: id,
      bodyId: after.signatoryBodyId,
      action: "update",
      before: conventionFields(before),
      after: conventionFields(after),
    });
    return after;
  });
}

/** Signs the draft: the first version's terms are frozen and the convention binds from its start date. */
export async function activateConvention(db: Db, actor: Actor, id: string, now = new Date()) {
  requireConventionManager(actor);
  const v1 = await db.conventionVersion.findFirst({
    where: { conventionId: id, number: 1 },
    include: { _count: { select: { termSets: true } } },
  });
  if (!v1) throw notFound("convention");
  if (v1._count.termSets === 0) throw invalid("serviceId", "no_service");
  return db.$transaction(async (tx) => {
    const c = await tx.convention.findUniqueOrThrow({ where: { id } });
    if (!canDo(c.status, "activate")) throw conflict("cannot_activate");
    await tx.conventionVersion.update({ where: { id: v1.id }, data: { signedAt: now } });
    const after = await tx.convention.update({ where: { id }, data: { status: "active" } });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Convention",
      entityId: id,
      bodyId: c.signatoryBodyId,
      action: "update",
      before: conventionFields(c),
      after: conventionFields(after),
    });
    return after;
  });
}

/** Notice of termination: effective after the convention's notice period. */
export async function giveNotice(db: Db, actor: Actor, raw: z.input<typeof noticeInput>) {
  requireConventionManager(actor);
  const input = noticeInput.parse(raw);
  return transition(db, actor, input.conventionId, "giveNotice", (c) => {
    if (input.noticeDate < dateOnly(c.startDate)) throw invalid("noticeDate", "before_start");
    const effective = noticeEffectiveDate(input.noticeDate, c.noticeMonths);
    const by = `${input.givenBy === "partner" ? "partner" : "provider"} (${actor.name})${input.note ? ` — ${input.note}` : ""}`;
    return {
      status: "notice_given" as const,
      noticeGivenOn: toDbDate(input.noticeDate),
      noticeGivenBy: by,
      noticeEffectiveOn: toDbDate(effective),
    };
  });
}

/** Ends the convention from a date (mutual agreement, end of notice recorded by hand). */
export async function terminateConvention(db: Db, actor: Actor, raw: z.input<typeof terminateInput>) {
  requireConventionManager(actor);
  const input = terminateInput.parse(raw);
  return transition(db, actor, input.conventionId, "terminate", (c) => {
    if (input.terminatedOn < dateOnly(c.startDate)) throw invalid("terminatedOn", "before_start");
    return {
      status: "terminated" as const,
      terminatedOn: toDbDate(input.terminatedOn),
      noticeGivenBy: c.noticeGivenBy ?? `${actor.name} — ${input.reason}`,
    };
  });
}

/** Explicit renewal: a new end date, the convention active again. */
export async function renewConvention(db: Db, actor: Actor, raw: z.input<typeof renewInput>) {
  requireConventionManager(actor);
  const input = renewInput.parse(raw);
  return transition(db, actor, input.conventionId, "renew", (c) => {
    if (!c.endDate || input.newEndDate <= dateOnly(c.endDate))
      throw invalid("newEndDate", "after_current_end", { date: c.endDate ? dateOnly(c.endDate) : "" });
    return { status: "active" as const, endDate: toDbDate(input.newEndDate) };
  });
}

/** Daily: tacit renewals, expiries and terminations at the end of notice. Idempotent. */
export async function rollOverConventions(db: Db, now: Date): Promise<{ changed: number }> {
  const today = toDbDate(localToday(now));
  const due = await db.convention.findMany({
    where: {
      OR: [
        { status: "active", endDate: { lt: today } },
        { status: "notice_given", noticeEffectiveOn: { lte: today } },
      ],
    },
    select: { id: true },
  });
  let changed = 0;
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      const before = await tx.convention.findUniqueOrThrow({ where: { id } });
      const next = rollOver(
        { ...datesOf(before), renewalRule: before.renewalRule, renewalYears: before.renewalYears },
        localToday(now),
      );
      if (!next) return;
      const after = await tx.convention.update({
        where: { id, status: before.status },
        data: {
          status: next.status,
          endDate: next.endDate ? toDbDate(next.endDate) : null,
          terminatedOn: next.terminatedOn ? toDbDate(next.terminatedOn) : null,
        },
      });
      await recordAudit(tx, {
        actor: { system: "conventions.roll-over" },
        channel: "job",
        entityType: "Convention",
        entityId: id,
        bodyId: after.signatoryBodyId,
        action: "update",
        before: conventionFields(before),
        after: conventionFields(after),
      });
      changed++;
    });
  }
  return { changed };
}
