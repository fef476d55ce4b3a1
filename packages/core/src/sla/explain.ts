// The SLA explainer: why a deadline falls where it does, day by day — working slots counted,
// holidays, closures, days off and pauses.
import { dayKind, daysFrom, workingIntervals, type Calendar } from "./calendar.ts";
import type { Pause } from "./deadline.ts";
import { isoDate, localDateOf } from "./zone.ts";

export interface ExplainedSegment {
  from: Date;
  to: Date;
  counted: boolean;
}
export interface ExplainedDay {
  date: string;
  kind: "open" | "holiday" | "closure" | "closed";
  holiday?: string;
  segments: ExplainedSegment[];
  countedMs: number;
  cumulativeMs: number;
}

const MAX_DAYS = 400;

/** Day-by-day account of the working time between `start` and `end` (the deadline, or now). */
export function explainDeadline(calendar: Calendar, start: Date, end: Date, pauses: Pause[]): ExplainedDay[] {
  const out: ExplainedDay[] = [];
  const s0 = start.getTime();
  const e0 = Math.max(end.getTime(), s0);
  const first = isoDate(localDateOf(calendar.timeZone, s0));
  const last = isoDate(localDateOf(calendar.timeZone, e0));
  let cumulative = 0;
  for (const day of daysFrom(calendar, s0)) {
    const date = isoDate(day);
    if (date < first) continue;
    if (date > last || out.length >= MAX_DAYS) break;
    const intervals = workingIntervals(calendar, day);
    const kind = dayKind(calendar, date);
    const segments: ExplainedSegment[] = [];
    for (const [a, b] of intervals) {
      const from = Math.max(a, s0);
      const to = Math.min(b, e0);
      if (to <= from) continue;
      // Split the slot at pause boundaries: paused parts are shown but not counted.
      const cuts = new Set<number>([from, to]);
      for (const p of pauses) {
        for (const t of [p.from.getTime(), (p.to ?? end).getTime()]) if (t > from && t < to) cuts.add(t);
      }
      const points = [...cuts].sort((x, y) => x - y);
      for (let i = 1; i < points.length; i++) {
        const x = points[i - 1]!;
        const y = points[i]!;
        const paused = pauses.some((p) => p.from.getTime() <= x && (p.to ?? end).getTime() >= y);
        segments.push({ from: new Date(x), to: new Date(y), counted: !paused });
      }
    }
    const countedMs = segments
      .filter((x) => x.counted)
      .reduce((n, x) => n + x.to.getTime() - x.from.getTime(), 0);
    cumulative += countedMs;
    const k = kind.kind === "open" ? (intervals.length ? "open" : "closed") : kind.kind;
    out.push({
      date,
      kind: k,
      ...(kind.kind === "holiday" ? { holiday: kind.name } : {}),
      segments,
      countedMs,
      cumulativeMs: cumulative,
    });
  }
  return out;
}
