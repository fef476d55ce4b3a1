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

/** Conventions and default terms, loaded once and picked from in memory (e.g. for many tickets). */
export interface TermsIndex {
  conventions: Awaited<ReturnType<typeof loadConventions>>;
  defaults: Awaited<ReturnType<typeof loadDefaults>>;
}

function loadConventions(db: Db, q: { bodyId?: string; serviceId?: string }) {
  const services = q.serviceId ? { some: { serviceId: q.serviceId } } : undefined;
  return db.convention.findMany({
    where: {
      ...(q.bodyId ? { signatoryBodyId: q.bodyId } : {}),
      status: { not: "draft" },
      versions: { some: { signedAt: { not: null }, termSets: services ?? { some: {} } } },
    },
    include: {
      versions: {
        where: { signedAt: { not: null } },
        include: {
          termSets: { where: q.serviceId ? { serviceId: q.serviceId } : {}, include: termSetInclude },
        },
      },
    },
    orderBy: [{ startDate: "desc" }, { id: "asc" }],
  });
}

function loadDefaults(db: Db, q: { serviceId?: string }) {
  return db.termSet.findMany({
    where: { versionId: null, ...(q.serviceId ? { serviceId: q.serviceId } : {}) },
    include: termSetInclude,
  });
}

/** Loads the terms that may bind tickets (of one body and service, or of all when not given). */
export async function loadTermsIndex(
  db: Db,
  q: { bodyId?: string; serviceId?: string } = {},
): Promise<TermsIndex> {
  return { conventions: await loadConventions(db, q), defaults: await loadDefaults(db, q) };
}

export async function resolveTerms(
  db: Db,
  q: { bodyId: string; serviceId: string; priority: Priority; at: Date },
): Promise<ResolvedTerms | null> {
  return pickTerms(await loadTermsIndex(db, q), q);
}

/** The terms in force at `q.at` among those loaded: the convention's, else the service's defaults. */
export function pickTerms(
  index: TermsIndex,
  q: { bodyId: string; serviceId: string; priority: Priority; at: Date },
): ResolvedTerms | null {
  const day = localDateAt(q.at);
  for (const c of index.conventions) {
    if (c.signatoryBodyId !== q.bodyId || !inForceOn(datesOf(c), day)) continue;
    const version = versionOn(
      c.versions.map((v) => ({ ...v, effectiveFrom: dateOnly(v.effectiveFrom), signed: true })),
      day,
    );
    const set = version?.termSets.find((s) => s.serviceId === q.serviceId);
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
  const defaults = index.defaults.find((s) => s.serviceId === q.serviceId);
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
