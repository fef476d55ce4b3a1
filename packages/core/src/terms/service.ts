// Writing service terms (a term set and its targets), inside the caller's transaction.
import type { DbTx } from "@mutuo/db";
import { invalid } from "../errors/index.ts";
import { PRIORITIES, termSetInput, type TermSetInput } from "./schema.ts";

export const termSetInclude = {
  calendar: { select: { id: true, name: true } },
  targets: true,
} as const;

/** Creates or replaces the term set of (version, service); versionId null = the service's defaults. */
export async function replaceTermSet(
  tx: DbTx,
  owner: { versionId: string | null; serviceId: string },
  raw: TermSetInput,
) {
  const input = termSetInput.parse(raw);
  if (
    input.calendarId &&
    !(await tx.businessCalendar.findUnique({ where: { id: input.calendarId }, select: { id: true } }))
  ) {
    throw invalid("calendarId", "unknown calendar");
  }
  const existing = await tx.termSet.findFirst({
    where: { versionId: owner.versionId, serviceId: owner.serviceId },
    select: { id: true },
  });
  if (existing) await tx.termSet.delete({ where: { id: existing.id } });
  const order = (p: string) => PRIORITIES.indexOf(p as (typeof PRIORITIES)[number]);
  return tx.termSet.create({
    data: {
      versionId: owner.versionId,
      serviceId: owner.serviceId,
      calendarId: input.calendarId,
      channels: input.channels,
      equipmentCovered: input.equipmentCovered,
      trainingDaysIncluded: input.trainingDaysIncluded,
      targets: { create: [...input.targets].sort((a, b) => order(a.priority) - order(b.priority)) },
    },
    include: termSetInclude,
  });
}

/** Copies a term set to another version (used by amendments). */
export async function copyTermSet(tx: DbTx, termSetId: string, versionId: string) {
  const src = await tx.termSet.findUniqueOrThrow({ where: { id: termSetId }, include: { targets: true } });
  return tx.termSet.create({
    data: {
      versionId,
      serviceId: src.serviceId,
      calendarId: src.calendarId,
      channels: src.channels,
      equipmentCovered: src.equipmentCovered,
      trainingDaysIncluded: src.trainingDaysIncluded,
      targets: { create: src.targets.map(({ id: _i, termSetId: _t, ...t }) => t) },
    },
  });
}

/** A flat, comparable description of a term set, for the audit trail. */
export function termSetSnapshot(ts: {
  calendarId: string | null;
  channels: string[];
  equipmentCovered: string;
  trainingDaysIncluded?: number;
  targets: {
    priority: string;
    interventionMinutes: number;
    interventionBasis: string;
    resolutionMinutes: number;
    resolutionBasis: string;
    warningPercent: number;
  }[];
}) {
  const out: Record<string, unknown> = {
    calendarId: ts.calendarId,
    channels: [...ts.channels].sort().join(","),
    equipmentCovered: ts.equipmentCovered,
    trainingDaysIncluded: ts.trainingDaysIncluded ?? 0,
  };
  for (const t of ts.targets) {
    out[`${t.priority}.intervention`] = `${t.interventionMinutes} min ${t.interventionBasis}`;
    out[`${t.priority}.resolution`] = `${t.resolutionMinutes} min ${t.resolutionBasis}`;
    out[`${t.priority}.warning`] = `${t.warningPercent}%`;
  }
  return out;
}
