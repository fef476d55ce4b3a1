// Pure rules of trainings: slots in Europe/Paris, seats and the waitlist, eligibility, hours attended,
// days consumed. Plain data in, plain data out; the service does the I/O.
import { inForceOn, versionOn, type ConventionDates } from "../conventions/index.ts";
import { instantOf, isoDate, localDateOf, parseIsoDate } from "../sla/index.ts";

export const TRAINING_TIME_ZONE = "Europe/Paris";

export type LocalSlot = { date: string; start: string; end: string };
export type Slot = { startsAt: Date; endsAt: Date };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
};

/** A slot typed in local time (Europe/Paris) as UTC instants, right across a DST change. */
export function slotInstants(s: LocalSlot): Slot {
  const day = parseIsoDate(s.date);
  return {
    startsAt: new Date(instantOf(TRAINING_TIME_ZONE, day, minutesOf(s.start))),
    endsAt: new Date(instantOf(TRAINING_TIME_ZONE, day, minutesOf(s.end))),
  };
}

const two = (n: number) => String(n).padStart(2, "0");

/** A stored slot back in local time, for forms and documents. */
export function localSlot(s: Slot): LocalSlot {
  const hm = (d: Date) => {
    const t = new Intl.DateTimeFormat("en-GB", {
      timeZone: TRAINING_TIME_ZONE,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(d);
    const get = (k: string) => Number(t.find((p) => p.type === k)?.value ?? 0);
    return `${two(get("hour"))}:${two(get("minute"))}`;
  };
  return { date: localDate(s.startsAt), start: hm(s.startsAt), end: hm(s.endsAt) };
}

export const localDate = (d: Date) => isoDate(localDateOf(TRAINING_TIME_ZONE, d.getTime()));

/** The first slot problem, as [index, field, message], or null when the slots are sound. */
export function slotProblem(slots: Slot[]): [number, "end" | "start", string] | null {
  const sorted = slots.map((s, i) => ({ ...s, i })).sort((a, b) => +a.startsAt - +b.startsAt);
  for (const s of slots) {
    const i = slots.indexOf(s);
    if (+s.endsAt <= +s.startsAt) return [i, "end", "slot_end_before_start"];
  }
  for (let k = 1; k < sorted.length; k++)
    if (+sorted[k]!.startsAt < +sorted[k - 1]!.endsAt) return [sorted[k]!.i, "start", "slot_overlap"];
  return null;
}

export const slotHours = (s: Slot) => (+s.endsAt - +s.startsAt) / 3_600_000;

/** Days a session lasts: each slot is a half-day. */
export const sessionDays = (slotCount: number) => slotCount / 2;

/** Hours actually attended: the slots (half-days) the person was present at. */
export function hoursAttended(slots: (Slot & { id: string })[], presentSlotIds: Iterable<string>): number {
  const present = new Set(presentSlotIds);
  const hours = slots.filter((s) => present.has(s.id)).reduce((sum, s) => sum + slotHours(s), 0);
  return Math.round(hours * 100) / 100;
}

/** Whether a new registration takes a seat or waits. Called under the session's row lock. */
export function seatFor(p: {
  capacity: number;
  confirmed: number;
  perBodyLimit: number | null;
  confirmedForBody: number;
}): "confirmed" | "waitlisted" {
  if (p.confirmed >= p.capacity) return "waitlisted";
  if (p.perBodyLimit !== null && p.confirmedForBody >= p.perBodyLimit) return "waitlisted";
  return "confirmed";
}

/** The status shown for a session that is neither cancelled nor held. */
export function openStatus(capacity: number, confirmed: number): "open" | "full" {
  return confirmed >= capacity ? "full" : "open";
}

/** Why a registration is refused now, or null. */
export function registrationRefusal(p: {
  status: string;
  startsAt: Date;
  registrationDeadline: Date;
  now: Date;
  staff: boolean;
}): string | null {
  if (p.status === "cancelled") return "session_cancelled";
  if (p.status === "held" || +p.now >= +p.startsAt) return "session_started";
  // Staff may still register someone after the deadline (a late seat agreed by phone).
  if (!p.staff && +p.now > +p.registrationDeadline) return "deadline_passed";
  return null;
}

/** A cancellation after the registration deadline is late (it can be billed). */
export const isLateCancellation = (deadline: Date, now: Date) => +now > +deadline;

/** The default deadline: the evening before the first slot (23:59 local). */
export function defaultDeadline(firstSlot: Slot): Date {
  const day = parseIsoDate(localDate(firstSlot.startsAt));
  return new Date(instantOf(TRAINING_TIME_ZONE, day, 0) - 60_000);
}

/** A local "YYYY-MM-DD" deadline means the end of that day in Europe/Paris. */
export function deadlineOf(date: string): Date {
  return new Date(instantOf(TRAINING_TIME_ZONE, parseIsoDate(date), 24 * 60) - 1);
}

export interface EligibilityConvention {
  signatoryBodyId: string;
  dates: ConventionDates;
  versions: { effectiveFrom: string; number: number; signed: boolean; serviceIds: string[] }[];
}

/** A body may attend when a convention it signed includes the service in the version in force that day. */
export function isEligible(
  conventions: EligibilityConvention[],
  q: { bodyId: string; serviceId: string; date: string },
): boolean {
  return conventions.some((c) => {
    if (c.signatoryBodyId !== q.bodyId || !inForceOn(c.dates, q.date)) return false;
    return versionOn(c.versions, q.date)?.serviceIds.includes(q.serviceId) ?? false;
  });
}

/** Whether the code typed by a trainee opens this slot's sheet now (valid for that half-day only). */
export function checkInOpen(slot: Slot, now: Date): boolean {
  const margin = 30 * 60_000;
  return +now >= +slot.startsAt - margin && +now <= +slot.endsAt + margin;
}

export interface ConsumedSession {
  dedicated: boolean;
  days: number;
  /** Confirmed participants of the body (open sessions count per person). */
  participants: number;
}

/** Training days consumed: a dedicated session's days, plus each participant's days in open sessions. */
export function daysConsumed(sessions: ConsumedSession[]): number {
  return sessions.reduce((sum, s) => sum + (s.dedicated ? s.days : s.days * s.participants), 0);
}

export type Usage = {
  included: number;
  consumed: number;
  remaining: number;
  state: "ok" | "low" | "used_up";
};

/** Included against consumed: "low" when one day or less remains, "used_up" at or past zero. */
export function usage(included: number, consumed: number): Usage {
  const remaining = included - consumed;
  const state = included > 0 && remaining <= 0 ? "used_up" : included > 0 && remaining <= 1 ? "low" : "ok";
  return { included, consumed, remaining, state: consumed > 0 && included === 0 ? "used_up" : state };
}

export const SURVEY_QUESTIONS = ["content", "trainer", "organisation", "usefulness"] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];

/** Average rating per question (null when nobody answered), rounded to a tenth. */
export function surveyAverages(answers: Record<string, number>[]): Record<SurveyQuestion, number | null> {
  const out = {} as Record<SurveyQuestion, number | null>;
  for (const q of SURVEY_QUESTIONS) {
    const values = answers.map((a) => a[q]).filter((v): v is number => typeof v === "number");
    out[q] = values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
  }
  return out;
}

export { versionOn as versionOnDate } from "../conventions/index.ts";
