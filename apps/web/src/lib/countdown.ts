// An SLA deadline as a countdown a technician reads at a glance: how long is left, or by how much
// it is overdue, in the largest units that matter (days and hours, hours and minutes, minutes).

export interface Countdown {
  overdue: boolean;
  /** The leading unit, for agreement ("1 h restante", "3 j restants"). */
  unit: "day" | "hour" | "minute";
  /** For agreement: 1 when exactly one of the leading unit (or less), else the amount. */
  n: number;
  days: number;
  hours: number;
  minutes: number;
}

export function countdown(due: Date, now: Date): Countdown {
  const ms = due.getTime() - now.getTime();
  const total = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const unit = days > 0 ? "day" : hours > 0 ? "hour" : "minute";
  return {
    overdue: ms < 0,
    unit,
    n: unit === "day" ? (hours ? days + 1 : days) : unit === "hour" ? (minutes ? hours + 1 : hours) : minutes,
    days,
    hours,
    minutes,
  };
}
