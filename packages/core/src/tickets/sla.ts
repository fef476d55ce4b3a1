// A ticket's SLA, recomputed from its frozen terms, its pauses and what happened: deadlines,
// warning instants and states of both targets, and the overall state the queue sorts on.
import type { SlaState, TimeBasis } from "@mutuo/db";
import { ALWAYS_OPEN, targetStatus, worstState, type Calendar, type Pause } from "../sla/index.ts";

export interface SlaInput {
  status: string;
  receivedAt: Date;
  slaCalendar: unknown;
  interventionMinutes: number | null;
  interventionBasis: TimeBasis | null;
  resolutionMinutes: number | null;
  resolutionBasis: TimeBasis | null;
  warningPercent: number;
  interventionAt: Date | null;
  resolvedAt: Date | null;
  interventionDueAt: Date | null;
  interventionDueManual: boolean;
  resolutionDueAt: Date | null;
  resolutionDueManual: boolean;
}

export interface SlaFields {
  interventionDueAt: Date | null;
  interventionWarnAt: Date | null;
  interventionState: SlaState;
  resolutionDueAt: Date | null;
  resolutionWarnAt: Date | null;
  resolutionState: SlaState;
  slaDueAt: Date | null;
  slaState: SlaState;
}

export const calendarFor = (basis: TimeBasis | null, snapshot: unknown): Calendar =>
  basis === "business" && snapshot ? (snapshot as Calendar) : ALWAYS_OPEN;

export function computeSla(t: SlaInput, pauses: Pause[], now: Date): SlaFields {
  const none: SlaFields = {
    interventionDueAt: null,
    interventionWarnAt: null,
    interventionState: "none",
    resolutionDueAt: null,
    resolutionWarnAt: null,
    resolutionState: "none",
    slaDueAt: null,
    slaState: "none",
  };
  if (t.status === "cancelled" || t.interventionMinutes === null || t.resolutionMinutes === null) {
    return {
      ...none,
      interventionDueAt: t.interventionDueManual ? t.interventionDueAt : null,
      resolutionDueAt: t.resolutionDueManual ? t.resolutionDueAt : null,
    };
  }
  const target = (minutes: number, basis: TimeBasis | null, achievedAt: Date | null, manual: Date | null) =>
    targetStatus(
      calendarFor(basis, t.slaCalendar),
      {
        start: t.receivedAt,
        targetMs: minutes * 60_000,
        warningPercent: t.warningPercent,
        pauses,
        achievedAt,
        manualDueAt: manual,
      },
      now,
    );
  // Resolution counts as the first intervention too, if none was recorded before.
  const intervention = target(
    t.interventionMinutes,
    t.interventionBasis,
    t.interventionAt ?? t.resolvedAt,
    t.interventionDueManual ? t.interventionDueAt : null,
  );
  const resolution = target(
    t.resolutionMinutes,
    t.resolutionBasis,
    t.resolvedAt,
    t.resolutionDueManual ? t.resolutionDueAt : null,
  );
  const interventionOpen = intervention.state !== "met" && !(t.interventionAt ?? t.resolvedAt);
  const next = interventionOpen ? intervention : resolution;
  return {
    interventionDueAt: intervention.dueAt,
    interventionWarnAt: intervention.warnAt,
    interventionState: intervention.state,
    resolutionDueAt: resolution.dueAt,
    resolutionWarnAt: resolution.warnAt,
    resolutionState: resolution.state,
    slaDueAt: t.resolvedAt ? null : next.dueAt,
    slaState: worstState([intervention.state, resolution.state]),
  };
}
