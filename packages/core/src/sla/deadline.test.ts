import { describe, expect, it } from "vitest";
import type { Calendar } from "./calendar.ts";
import { deadlineWithPauses, targetStatus, worstState } from "./deadline.ts";
import { explainDeadline } from "./explain.ts";

const H = 3600_000;
const office: Calendar = {
  timeZone: "Europe/Paris",
  weekly: Object.fromEntries(
    [1, 2, 3, 4, 5].map((d) => [
      d,
      [
        { from: "08:30", to: "12:00" },
        { from: "13:30", to: "17:30" },
      ],
    ]),
  ),
  holidayZone: "metropole",
};
const at = (iso: string) => new Date(iso);
const friday = at("2026-11-20T17:30:00Z"); // Friday 18:30 Paris

describe("deadlineWithPauses", () => {
  it("moves the deadline by exactly the paused working time", () => {
    const plain = deadlineWithPauses(office, friday, 12 * H, [])!;
    expect(plain.toISOString()).toBe("2026-11-24T13:30:00.000Z"); // Tuesday 14:30
    // Waiting on the partner all of Monday 23 (7.5 working hours).
    const paused = deadlineWithPauses(office, friday, 12 * H, [
      { from: at("2026-11-23T07:00:00Z"), to: at("2026-11-24T07:00:00Z") },
    ])!;
    expect(paused.toISOString()).toBe("2026-11-25T13:30:00.000Z"); // Wednesday 14:30: exactly 7.5 working hours later
  });

  it("ignores pauses outside working time and pauses after the deadline", () => {
    expect(
      deadlineWithPauses(office, friday, 12 * H, [
        { from: at("2026-11-21T08:00:00Z"), to: at("2026-11-22T20:00:00Z") },
      ])!.toISOString(),
    ).toBe("2026-11-24T13:30:00.000Z");
    expect(
      deadlineWithPauses(office, friday, 12 * H, [
        { from: at("2026-11-27T08:00:00Z"), to: at("2026-11-27T10:00:00Z") },
      ])!.toISOString(),
    ).toBe("2026-11-24T13:30:00.000Z");
  });

  it("is unknown while a pause lasts", () => {
    expect(
      deadlineWithPauses(office, friday, 12 * H, [{ from: at("2026-11-23T09:00:00Z"), to: null }]),
    ).toBeNull();
  });

  it("accumulates several pauses, including one that the first extension brings into range", () => {
    const pauses = [
      { from: at("2026-11-23T07:30:00Z"), to: at("2026-11-23T11:00:00Z") }, // Monday morning: 3.5 h
      { from: at("2026-11-24T13:00:00Z"), to: at("2026-11-24T16:30:00Z") }, // Tuesday afternoon from 14:00 to 17:30: 3.5 h
    ];
    // 12 h + 7 h paused = 19 h of working time from Friday evening: Mon 7.5, Tue 7.5, Wed 4 → Wed 13:30+0.5 = 14:00.
    expect(deadlineWithPauses(office, friday, 12 * H, pauses)!.toISOString()).toBe(
      "2026-11-25T13:00:00.000Z",
    );
  });
});

describe("targetStatus", () => {
  const clock = { start: friday, targetMs: 12 * H, warningPercent: 75, pauses: [], achievedAt: null };
  it("goes ok → warning at 75 % → breached at the deadline", () => {
    expect(targetStatus(office, clock, at("2026-11-23T09:00:00Z")).state).toBe("ok");
    const s = targetStatus(office, clock, at("2026-11-24T10:00:00Z"));
    expect(s.warnAt!.toISOString()).toBe("2026-11-24T09:00:00.000Z"); // 9 h: Mon 7.5 + Tue 1.5 → 10:00 Paris
    expect(s.state).toBe("warning");
    expect(targetStatus(office, clock, at("2026-11-24T13:30:00Z")).state).toBe("breached");
  });

  it("is met when achieved in time, breached when late, paused while waiting", () => {
    expect(
      targetStatus(office, { ...clock, achievedAt: at("2026-11-23T10:00:00Z") }, at("2026-12-01T00:00:00Z"))
        .state,
    ).toBe("met");
    expect(
      targetStatus(office, { ...clock, achievedAt: at("2026-11-25T10:00:00Z") }, at("2026-12-01T00:00:00Z"))
        .state,
    ).toBe("breached");
    const waiting = targetStatus(
      office,
      { ...clock, pauses: [{ from: at("2026-11-23T09:00:00Z"), to: null }] },
      at("2026-11-26T09:00:00Z"),
    );
    expect(waiting).toMatchObject({ state: "paused", dueAt: null });
  });

  it("keeps a deadline set by hand", () => {
    const manual = at("2026-11-30T16:00:00Z");
    const s = targetStatus(
      office,
      {
        ...clock,
        manualDueAt: manual,
        pauses: [{ from: at("2026-11-23T09:00:00Z"), to: at("2026-11-24T09:00:00Z") }],
      },
      at("2026-11-25T09:00:00Z"),
    );
    expect(s).toMatchObject({ state: "ok", dueAt: manual });
  });

  it("orders states worst first", () => {
    expect(worstState(["met", "warning", "ok"])).toBe("warning");
    expect(worstState(["met", "met"])).toBe("met");
    expect(worstState([])).toBe("none");
  });
});

describe("explainDeadline", () => {
  it("shows the weekend, a holiday and a pause on the way to the deadline", () => {
    // Thursday 24 Dec 2026 16:00 Paris + 4 h, with Christmas on Friday and a pause on Monday morning.
    const start = at("2026-12-24T15:00:00Z");
    const pauses = [{ from: at("2026-12-28T07:30:00Z"), to: at("2026-12-28T09:30:00Z") }];
    const due = deadlineWithPauses(office, start, 4 * H, pauses)!;
    const days = explainDeadline(office, start, due, pauses);
    expect(days.map((d) => [d.date, d.kind])).toEqual([
      ["2026-12-24", "open"],
      ["2026-12-25", "holiday"],
      ["2026-12-26", "closed"],
      ["2026-12-27", "closed"],
      ["2026-12-28", "open"],
    ]);
    expect(days[1]!.holiday).toBe("Noël");
    expect(days[4]!.segments.map((s) => s.counted)).toEqual([false, true, true]);
    expect(days.at(-1)!.cumulativeMs).toBe(4 * H);
  });
});
