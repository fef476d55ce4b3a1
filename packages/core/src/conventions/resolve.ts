// The one function that says which terms bind a ticket: the convention terms in force at an instant
// for a body, a service and a priority; else the service's default terms.
import type { Db, Priority, TimeBasis } from "@mutuo/db";
import { toEngineCalendar } from "../calendars/index.ts";
import type { Calendar } from "../sla/index.ts";
import { dateOnly, datesOf, localDateAt } from "./dates.ts";
import { inForceOn, versionOn } from "./rules.ts";

export interface ResolvedTerms {
  source: "convention" | "default";
  conventionId: string | null;
  conventionNumber: string | null;
  versionId: string | null;
  versionNumber: number | null;
  calendar: Calendar | null;
  calendarName: string | null;
  channels: string[];
  target: {
    interventionMinutes: number;
    interventionBasis: TimeBasis;
    resolutionMinutes: number;
    resolutionBasis: TimeBasis;
    warningPercent: number;
  };
}

const termSetInclude = { targets: true, calendar: { include: { closures: true } } } as const;

export async function resolveTerms(
  db: Db,
  q: { bodyId: string; serviceId: string; priority: Priority; at: Date },
): Promise<ResolvedTerms | null> {
  const day = localDateAt(q.at);
  const conventions = await db.convention.findMany({
    where: {
      signatoryBodyId: q.bodyId,
      status: { not: "draft" },
      versions: { some: { signedAt: { not: null }, termSets: { some: { serviceId: q.serviceId } } } },
    },
    include: {
      versions: {
        where: { signedAt: { not: null } },
        include: { termSets: { where: { serviceId: q.serviceId }, include: termSetInclude } },
      },
    },
    orderBy: [{ startDate: "desc" }, { id: "asc" }],
  });
  for (const c of conventions) {
    if (!inForceOn(datesOf(c), day)) continue;
    const version = versionOn(
      c.versions.map((v) => ({ ...v, effectiveFrom: dateOnly(v.effectiveFrom), signed: true })),
      day,
    );
    const set = version?.termSets[0];
    const target = set?.targets.find((t) => t.priority === q.priority);
    if (!version || !set || !target) continue;
    return {
      source: "convention",
      conventionId: c.id,
      conventionNumber: c.number,
      versionId: version.id,
      versionNumber: version.number,
      calendar: set.calendar ? toEngineCalendar(set.calendar) : null,
      calendarName: set.calendar?.name ?? null,
      channels: set.channels,
      target: pick(target),
    };
  }
  const defaults = await db.termSet.findFirst({
    where: { serviceId: q.serviceId, versionId: null },
    include: termSetInclude,
  });
  const target = defaults?.targets.find((t) => t.priority === q.priority);
  if (!defaults || !target) return null;
  return {
    source: "default",
    conventionId: null,
    conventionNumber: null,
    versionId: null,
    versionNumber: null,
    calendar: defaults.calendar ? toEngineCalendar(defaults.calendar) : null,
    calendarName: defaults.calendar?.name ?? null,
    channels: defaults.channels,
    target: pick(target),
  };
}

function pick(t: ResolvedTerms["target"]): ResolvedTerms["target"] {
  return {
    interventionMinutes: t.interventionMinutes,
    interventionBasis: t.interventionBasis,
    resolutionMinutes: t.resolutionMinutes,
    resolutionBasis: t.resolutionBasis,
    warningPercent: t.warningPercent,
  };
}
