import { describe, expect, it } from "vitest";
import {
  customPeriod,
  isDue,
  lastCompletePeriod,
  monthsOf,
  percentile,
  periodLabel,
  periodOf,
  previousPeriod,
  rate,
  scheduledPeriod,
} from "./rules.ts";

describe("report periods", () => {
  it("takes months, quarters and years in Paris time, and the one before", () => {
    const q = periodOf("quarter", "2026-11");
    expect(q).toMatchObject({ from: "2026-10", to: "2027-01" });
    expect(q.start.toISOString()).toBe("2026-09-30T22:00:00.000Z"); // summer time
    expect(q.end.toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(periodLabel(q)).toBe("T4 2026");
    expect(previousPeriod(q)).toMatchObject({ from: "2026-07", to: "2026-10" });
    expect(previousPeriod(periodOf("month", "2026-01"))).toMatchObject({ from: "2025-12", to: "2026-01" });
    expect(periodLabel(periodOf("month", "2026-11"))).toBe("novembre 2026");
    expect(monthsOf(periodOf("year", "2026-05"))).toHaveLength(12);
    expect(lastCompletePeriod("quarter", new Date("2026-12-02T09:00:00Z"))).toMatchObject({
      from: "2026-07",
    });
  });

  it("refuses a range ending before it starts, and takes the same length before for comparison", () => {
    expect(customPeriod("2026-05", "2026-02")).toBeNull();
    const p = customPeriod("2026-02", "2026-04")!;
    expect(p).toMatchObject({ from: "2026-02", to: "2026-05" });
    expect(previousPeriod(p)).toMatchObject({ from: "2025-11", to: "2026-02" });
    expect(periodLabel(p)).toBe("février 2026 – avril 2026");
  });

  it("schedules the last complete week, month or quarter, once it is over and after the subscription", () => {
    const now = new Date("2027-01-01T05:30:00Z"); // 1 January, 06:30 in Paris
    expect(scheduledPeriod("monthly", now).key).toBe("2026-12");
    expect(scheduledPeriod("quarterly", now).key).toBe("2026-Q4");
    const w = scheduledPeriod("weekly", new Date("2026-12-07T08:00:00Z")); // Monday 7 December
    expect(w.key).toBe("2026-W49");
    expect(w.start.toISOString()).toBe("2026-11-29T23:00:00.000Z");
    const end = scheduledPeriod("monthly", now).end;
    expect(isDue({ createdAt: new Date("2026-12-02T00:00:00Z"), endsOn: null }, end, now)).toBe(true);
    expect(isDue({ createdAt: new Date("2027-01-01T00:00:00Z"), endsOn: null }, end, now)).toBe(false);
    expect(
      isDue({ createdAt: new Date("2026-01-01T00:00:00Z"), endsOn: new Date("2026-11-30") }, end, now),
    ).toBe(false);
  });

  it("computes rates and percentiles like PostgreSQL", () => {
    expect(rate(2, 3)).toBe(66.7);
    expect(rate(0, 0)).toBeNull();
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(91);
  });
});
