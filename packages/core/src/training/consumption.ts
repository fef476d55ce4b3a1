// Training days included in a convention (a term of the version in force, per service) against the
// days consumed by the body: dedicated sessions' days, and each participant's days in open sessions.
import type { Db } from "@mutuo/db";
import { canSeeBody, type Actor } from "../access/index.ts";
import type { BillableActivity, BillableActivityReader } from "../shared/billable.ts";
import { dateOnly } from "../shared/dates.ts";
import { loadEligibility } from "./eligibility.ts";
import { daysConsumed, localDate, sessionDays, usage, versionOnDate } from "./rules.ts";
import { consumptionInput } from "./schema.ts";

export async function trainingConsumption(db: Db, actor: Actor, raw: unknown, now: Date) {
  const input = consumptionInput.parse(raw ?? {});
  const conventions = await db.convention.findMany({
    where: {
      status: { not: "draft" },
      ...(input.conventionId ? { id: input.conventionId } : {}),
      ...(input.bodyId ? { signatoryBodyId: input.bodyId } : {}),
    },
    select: {
      id: true,
      number: true,
      signatoryBodyId: true,
      startDate: true,
      endDate: true,
      versions: {
        where: { signedAt: { not: null } },
        select: {
          number: true,
          effectiveFrom: true,
          termSets: {
            select: { serviceId: true, trainingDaysIncluded: true, service: { select: { name: true } } },
          },
        },
      },
    },
    take: 200,
  });
  const today = localDate(now);
  const visible = conventions.filter((x) => canSeeBody(actor, x.signatoryBodyId));
  const bodyIds = [...new Set(visible.map((c) => c.signatoryBodyId))];
  const range = (c: (typeof visible)[number]) => ({
    from: c.startDate,
    to: c.endDate ? new Date(+c.endDate + 86_400_000) : new Date("2999-12-31T00:00:00Z"),
  });
  // Every session of these bodies over all their conventions, in one read; split per convention and
  // service below.
  const sessions = bodyIds.length
    ? await db.trainingSession.findMany({
        where: {
          status: { not: "cancelled" },
          startsAt: {
            gte: new Date(Math.min(...visible.map((c) => +range(c).from))),
            lt: new Date(Math.max(...visible.map((c) => +range(c).to))),
          },
          OR: [
            { dedicatedBodyId: { in: bodyIds } },
            {
              dedicatedBodyId: null,
              registrations: { some: { bodyId: { in: bodyIds }, status: "confirmed" } },
            },
          ],
        },
        select: {
          startsAt: true,
          dedicatedBodyId: true,
          course: { select: { serviceId: true } },
          _count: { select: { slots: true } },
          registrations: {
            where: { bodyId: { in: bodyIds }, status: "confirmed" },
            select: { bodyId: true },
          },
        },
      })
    : [];
  const out = [];
  for (const c of visible) {
    const version = versionOnDate(
      c.versions.map((v) => ({ ...v, effectiveFrom: dateOnly(v.effectiveFrom), signed: true })),
      today,
    );
    if (!version) continue;
    const { from, to } = range(c);
    const body = c.signatoryBodyId;
    for (const t of version.termSets) {
      const mine = sessions
        .filter((s) => s.course.serviceId === t.serviceId && s.startsAt >= from && s.startsAt < to)
        .map((s) => ({
          dedicated: s.dedicatedBodyId === body,
          participants: s.registrations.filter((r) => r.bodyId === body).length,
          open: s.dedicatedBodyId === null,
          days: sessionDays(s._count.slots),
        }))
        .filter((s) => s.dedicated || (s.open && s.participants > 0));
      if (!t.trainingDaysIncluded && !mine.length) continue;
      const consumed = daysConsumed(
        mine.map((s) => ({ dedicated: s.dedicated, days: s.days, participants: s.participants })),
      );
      out.push({
        conventionId: c.id,
        conventionNumber: c.number,
        bodyId: body,
        serviceId: t.serviceId,
        serviceName: t.service.name,
        ...usage(t.trainingDaysIncluded, consumed),
      });
    }
  }
  return out;
}

/** What billing reads: dedicated-session days, participant days of open sessions, late cancellations. */
export const billableTrainingActivities: BillableActivityReader = async (db, q) => {
  if (!q.bodyIds.length) return [];
  const from = new Date(`${q.from}T00:00:00Z`);
  const to = new Date(Date.parse(`${q.to}T00:00:00Z`) + 2 * 86_400_000);
  const inPeriod = (d: Date) => {
    const day = localDate(d);
    return day >= q.from && day <= q.to;
  };
  const eligibility = await loadEligibility(db, q.bodyIds);
  const conventionIds = await db.convention.findMany({
    where: { signatoryBodyId: { in: q.bodyIds }, status: { not: "draft" } },
    select: { id: true, signatoryBodyId: true, startDate: true },
    orderBy: { startDate: "desc" },
  });
  const conventionOf = (bodyId: string) =>
    eligibility.some((c) => c.signatoryBodyId === bodyId)
      ? (conventionIds.find((c) => c.signatoryBodyId === bodyId)?.id ?? null)
      : null;
  const out: BillableActivity[] = [];
  const sessions = await db.trainingSession.findMany({
    where: {
      status: { not: "cancelled" },
      startsAt: { gte: new Date(+from - 86_400_000), lt: to },
      OR: [
        { dedicatedBodyId: { in: q.bodyIds } },
        {
          dedicatedBodyId: null,
          registrations: { some: { bodyId: { in: q.bodyIds }, status: "confirmed" } },
        },
      ],
    },
    select: {
      id: true,
      number: true,
      startsAt: true,
      dedicatedBodyId: true,
      course: { select: { title: true, serviceId: true } },
      _count: { select: { slots: true } },
      registrations: {
        where: { bodyId: { in: q.bodyIds }, status: "confirmed" },
        select: { id: true, bodyId: true },
      },
    },
  });
  for (const s of sessions.filter((x) => inPeriod(x.startsAt))) {
    const days = sessionDays(s._count.slots);
    const occurredOn = localDate(s.startsAt);
    if (s.dedicatedBodyId) {
      out.push({
        kind: "training_dedicated_day",
        bodyId: s.dedicatedBodyId,
        serviceId: s.course.serviceId,
        conventionId: conventionOf(s.dedicatedBodyId),
        occurredOn,
        quantity: days,
        unit: "day",
        label: `Formation dédiée : ${s.course.title} — ${String(days).replace(".", ",")} jour(s)`,
        source: { type: "training_session", id: s.id, ref: s.number },
      });
      continue;
    }
    for (const r of s.registrations)
      out.push({
        kind: "training_participant_day",
        bodyId: r.bodyId,
        serviceId: s.course.serviceId,
        conventionId: conventionOf(r.bodyId),
        occurredOn,
        quantity: days,
        unit: "day",
        label: `Formation : ${s.course.title} — ${String(days).replace(".", ",")} jour(s) par participant`,
        source: { type: "training_registration", id: r.id, ref: s.number },
      });
  }
  const late = await db.trainingRegistration.findMany({
    where: {
      bodyId: { in: q.bodyIds },
      lateCancellation: true,
      cancelledAt: { gte: new Date(+from - 86_400_000), lt: to },
    },
    select: {
      id: true,
      bodyId: true,
      cancelledAt: true,
      session: { select: { number: true, course: { select: { title: true, serviceId: true } } } },
    },
  });
  for (const r of late.filter((x) => inPeriod(x.cancelledAt!)))
    out.push({
      kind: "training_late_cancellation",
      bodyId: r.bodyId,
      serviceId: r.session.course.serviceId,
      conventionId: conventionOf(r.bodyId),
      occurredOn: localDate(r.cancelledAt!),
      quantity: 1,
      unit: "participant",
      label: `Annulation tardive : ${r.session.course.title}`,
      source: { type: "training_registration", id: r.id, ref: r.session.number },
    });
  return out;
};
