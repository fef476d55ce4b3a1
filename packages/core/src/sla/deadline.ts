// Deadlines with pauses, and the SLA state of a target at an instant. Pure functions on top of
// addBusinessTime / businessTimeBetween.
import { addBusinessTime, businessTimeBetween } from "./business-time.ts";
import type { Calendar } from "./calendar.ts";

/** A pause of the clock (waiting on the partner); `to` null while it lasts. */
export interface Pause {
  from: Date;
  to: Date | null;
}

/** Working time of the pauses that fall between `start` and `end` (open pauses end at `end`). */
export function pausedBetween(calendar: Calendar, pauses: Pause[], start: Date, end: Date): number {
  let total = 0;
  for (const p of pauses) {
    const a = Math.max(p.from.getTime(), start.getTime());
    const b = Math.min((p.to ?? end).getTime(), end.getTime());
    if (b > a) total += businessTimeBetween(calendar, new Date(a), new Date(b));
  }
  return total;
}

/**
 * The instant at which `targetMs` of working time, pauses excluded, has elapsed since `start`.
 * Closed pauses only: while a pause lasts, the deadline is not known (null).
 */
export function deadlineWithPauses(
  calendar: Calendar,
  start: Date,
  targetMs: number,
  pauses: Pause[],
): Date | null {
  if (pauses.some((p) => p.to === null)) return null;
  let due = addBusinessTime(calendar, start, targetMs);
  for (let i = 0; i <= pauses.length + 1; i++) {
    const next = addBusinessTime(calendar, start, targetMs + pausedBetween(calendar, pauses, start, due));
    if (next.getTime() === due.getTime()) return due;
    due = next;
  }
  return due;
}

/** Working time elapsed on a target at `at`, pauses excluded. */
export function elapsedWorkingTime(calendar: Calendar, start: Date, pauses: Pause[], at: Date): number {
  return Math.max(0, businessTimeBetween(calendar, start, at) - pausedBetween(calendar, pauses, start, at));
}

export type SlaState = "none" | "ok" | "warning" | "breached" | "met" | "paused";

export interface TargetClock {
  start: Date;
  targetMs: number;
  warningPercent: number;
  pauses: Pause[];
  /** When the target was achieved (first intervention, resolution), if it was. */
  achievedAt: Date | null;
  /** A deadline set by hand replaces the computed one. */
  manualDueAt?: Date | null;
}

export interface TargetStatus {
  state: SlaState;
  dueAt: Date | null;
  warnAt: Date | null;
}

/** Deadline, warning instant and state of one target, as they stand at `now`. */
export function targetStatus(calendar: Calendar, clock: TargetClock, now: Date): TargetStatus {
  const warnMs = Math.max(1, Math.floor((clock.targetMs * clock.warningPercent) / 100));
  const open = clock.pauses.some((p) => p.to === null);
  // Once achieved, pauses after the achievement do not matter.
  const pauses = clock.achievedAt
    ? clock.pauses
        .filter((p) => p.from < clock.achievedAt!)
        .map((p) => ({ from: p.from, to: p.to ?? clock.achievedAt }))
    : clock.pauses;
  const dueAt = clock.manualDueAt ?? deadlineWithPauses(calendar, clock.start, clock.targetMs, pauses);
  const warnAt = clock.manualDueAt ? null : deadlineWithPauses(calendar, clock.start, warnMs, pauses);
  if (clock.achievedAt)
    return {
      state: dueAt && clock.achievedAt.getTime() > dueAt.getTime() ? "breached" : "met",
      dueAt,
      warnAt,
    };
  if (open) {
    // Breached before the pause began? It stays breached.
    const elapsed = elapsedWorkingTime(calendar, clock.start, clock.pauses, now);
    return {
      state:
        clock.manualDueAt && now > clock.manualDueAt
          ? "breached"
          : elapsed >= clock.targetMs
            ? "breached"
            : "paused",
      dueAt: clock.manualDueAt ?? null,
      warnAt: null,
    };
  }
  if (dueAt && now.getTime() >= dueAt.getTime()) return { state: "breached", dueAt, warnAt };
  if (warnAt && now.getTime() >= warnAt.getTime()) return { state: "warning", dueAt, warnAt };
  return { state: "ok", dueAt, warnAt };
}

/** The worst of several states, for a ticket's overall SLA state. */
export function worstState(states: SlaState[]): SlaState {
  const order: SlaState[] = ["breached", "warning", "paused", "ok", "met", "none"];
  return order.find((s) => states.includes(s)) ?? "none";
}
