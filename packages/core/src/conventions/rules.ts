// Pure rules of conventions: dates, versions in force, lifecycle. Dates are local (Europe/Paris)
// "YYYY-MM-DD" strings, compared as strings.

export type ConventionStatus = "draft" | "active" | "notice_given" | "terminated" | "expired";
export type RenewalRule = "none" | "tacit" | "explicit";
export type LifecycleAction = "activate" | "giveNotice" | "terminate" | "renew" | "amend" | "editHeader";

export const CONVENTION_TIME_ZONE = "Europe/Paris";

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y!, m!, d!];
}
const fmt = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return fmt(ny, nm, Math.min(d, last));
}

export const addYears = (date: string, years: number) => addMonths(date, years * 12);

export function addDaysTo(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function daysBetween(from: string, to: string): number {
  const [a, b] = [from, to].map((s) =>
    Date.UTC(...(parts(s).map((v, i) => (i === 1 ? v - 1 : v)) as [number, number, number])),
  );
  return Math.round((b! - a!) / 86_400_000);
}

/** Termination given notice on `noticeDate` takes effect `noticeMonths` later. */
export const noticeEffectiveDate = (noticeDate: string, noticeMonths: number) =>
  addMonths(noticeDate, noticeMonths);

/** Last day on which notice can be given for the convention to end at `endDate` (not renew). */
export const noticeDeadline = (endDate: string, noticeMonths: number) => addMonths(endDate, -noticeMonths);

export interface VersionLike {
  number: number;
  effectiveFrom: string;
  signed: boolean;
}

/** The signed version in force on `date`: the latest effective on or before it. */
export function versionOn<V extends VersionLike>(versions: V[], date: string): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (!v.signed || v.effectiveFrom > date) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom) best = v;
  }
  return best;
}

export interface ConventionDates {
  status: ConventionStatus;
  startDate: string;
  endDate: string | null;
  noticeEffectiveOn: string | null;
  terminatedOn: string | null;
}

/** Last day the convention is (or was) in force, if bounded: termination and notice end it the day before. */
export function lastDay(c: ConventionDates): string | null {
  const ends = [
    c.endDate,
    c.terminatedOn && addDaysTo(c.terminatedOn, -1),
    c.noticeEffectiveOn && addDaysTo(c.noticeEffectiveOn, -1),
  ].filter(Boolean) as string[];
  return ends.length ? ends.sort()[0]! : null;
}

/** Whether the convention binds the parties on `date` (drafts never do). */
export function inForceOn(c: ConventionDates, date: string): boolean {
  if (c.status === "draft" || date < c.startDate) return false;
  const last = lastDay(c);
  return !last || date <= last;
}

const allowed: Record<LifecycleAction, ConventionStatus[]> = {
  activate: ["draft"],
  giveNotice: ["active"],
  terminate: ["active", "notice_given"],
  renew: ["active", "expired"],
  amend: ["active", "notice_given"],
  editHeader: ["draft", "active"],
};

export const canDo = (status: ConventionStatus, action: LifecycleAction) => allowed[action].includes(status);

export interface RollOverInput extends ConventionDates {
  renewalRule: RenewalRule;
  renewalYears: number | null;
}

/** What the passing of time does to a convention by `today`: tacit renewal, expiry, termination at notice end. */
export function rollOver(
  c: RollOverInput,
  today: string,
): { status: ConventionStatus; endDate: string | null; terminatedOn: string | null } | null {
  if (c.status === "notice_given" && c.noticeEffectiveOn && today >= c.noticeEffectiveOn) {
    return { status: "terminated", endDate: c.endDate, terminatedOn: c.noticeEffectiveOn };
  }
  if (c.status === "active" && c.endDate && today > c.endDate) {
    if (c.renewalRule === "tacit" && c.renewalYears && c.renewalYears > 0) {
      let end = c.endDate;
      while (today > end) end = addYears(end, c.renewalYears);
      return { status: "active", endDate: end, terminatedOn: null };
    }
    return { status: "expired", endDate: c.endDate, terminatedOn: null };
  }
  return null;
}

/** Why a convention needs a manager's attention soon, if it does. */
export function endingAttention(
  c: RollOverInput & { noticeMonths: number },
  today: string,
  withinDays: number,
): { kind: "end" | "notice_deadline"; date: string } | null {
  if (c.status !== "active" || !c.endDate) return null;
  const horizon = addDaysTo(today, withinDays);
  const deadline = c.noticeMonths > 0 ? noticeDeadline(c.endDate, c.noticeMonths) : null;
  if (c.renewalRule === "tacit" && deadline && deadline >= today && deadline <= horizon)
    return { kind: "notice_deadline", date: deadline };
  if (c.endDate >= today && c.endDate <= horizon) return { kind: "end", date: c.endDate };
  return null;
}
