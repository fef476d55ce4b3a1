import { describe, expect, it } from "vitest";
import {
  checkInOpen,
  daysConsumed,
  deadlineOf,
  defaultDeadline,
  hoursAttended,
  isEligible,
  isLateCancellation,
  localSlot,
  registrationRefusal,
  seatFor,
  sessionDays,
  slotInstants,
  slotProblem,
  surveyAverages,
  usage,
  type EligibilityConvention,
} from "./rules.ts";

describe("training rules", () => {
  it("reads local slots in Europe/Paris on both sides of a DST change", () => {
    const before = slotInstants({ date: "2026-03-27", start: "09:00", end: "12:30" });
    const after = slotInstants({ date: "2026-03-30", start: "09:00", end: "12:30" });
    expect(before.startsAt.toISOString()).toBe("2026-03-27T08:00:00.000Z");
    expect(after.startsAt.toISOString()).toBe("2026-03-30T07:00:00.000Z");
    expect(localSlot(after)).toEqual({ date: "2026-03-30", start: "09:00", end: "12:30" });
  });

  it("finds a slot ending before it starts, and overlapping slots", () => {
    const ok = slotInstants({ date: "2026-05-04", start: "09:00", end: "12:00" });
    const bad = slotInstants({ date: "2026-05-04", start: "14:00", end: "13:00" });
    expect(slotProblem([ok])).toBeNull();
    expect(slotProblem([ok, bad])).toEqual([1, "end", "slot_end_before_start"]);
    const overlap = slotInstants({ date: "2026-05-04", start: "11:00", end: "12:30" });
    expect(slotProblem([ok, overlap])).toEqual([1, "start", "slot_overlap"]);
  });

  it("gives a seat while there is one and the body's limit allows it", () => {
    expect(seatFor({ capacity: 8, confirmed: 7, perBodyLimit: null, confirmedForBody: 5 })).toBe("confirmed");
    expect(seatFor({ capacity: 8, confirmed: 8, perBodyLimit: null, confirmedForBody: 0 })).toBe(
      "waitlisted",
    );
    expect(seatFor({ capacity: 8, confirmed: 3, perBodyLimit: 2, confirmedForBody: 2 })).toBe("waitlisted");
  });

  it("counts hours attended from the half-days present (3 of 4)", () => {
    const slots = [
      { id: "a", ...slotInstants({ date: "2026-06-01", start: "09:00", end: "12:30" }) },
      { id: "b", ...slotInstants({ date: "2026-06-01", start: "13:30", end: "17:00" }) },
      { id: "c", ...slotInstants({ date: "2026-06-02", start: "09:00", end: "12:30" }) },
      { id: "d", ...slotInstants({ date: "2026-06-02", start: "13:30", end: "17:00" }) },
    ];
    expect(hoursAttended(slots, ["a", "b", "d"])).toBe(10.5);
    expect(hoursAttended(slots, [])).toBe(0);
    expect(sessionDays(slots.length)).toBe(2);
  });

  it("counts days consumed: a dedicated session's days, an open session's days per participant", () => {
    expect(
      daysConsumed([
        { dedicated: true, days: 2, participants: 9 },
        { dedicated: false, days: 1, participants: 3 },
        { dedicated: false, days: 0.5, participants: 1 },
      ]),
    ).toBe(5.5);
    expect(usage(6, 5.5).state).toBe("low");
    expect(usage(6, 6).state).toBe("used_up");
    expect(usage(6, 2)).toEqual({ included: 6, consumed: 2, remaining: 4, state: "ok" });
  });

  it("refuses registrations after the session started, after the deadline (agents), when cancelled", () => {
    const startsAt = new Date("2026-06-01T07:00:00Z");
    const registrationDeadline = deadlineOf("2026-05-29");
    const base = { status: "open", startsAt, registrationDeadline, staff: false };
    expect(registrationRefusal({ ...base, now: new Date("2026-05-20T10:00:00Z") })).toBeNull();
    expect(registrationRefusal({ ...base, now: new Date("2026-05-30T10:00:00Z") })).toBe("deadline_passed");
    expect(registrationRefusal({ ...base, staff: true, now: new Date("2026-05-30T10:00:00Z") })).toBeNull();
    expect(registrationRefusal({ ...base, now: new Date("2026-06-02T10:00:00Z") })).toBe("session_started");
    expect(registrationRefusal({ ...base, status: "cancelled", now: new Date("2026-05-20T10:00:00Z") })).toBe(
      "session_cancelled",
    );
    expect(isLateCancellation(registrationDeadline, new Date("2026-05-30T00:00:00Z"))).toBe(true);
    expect(deadlineOf("2026-05-29").toISOString()).toBe("2026-05-29T21:59:59.999Z");
    expect(defaultDeadline({ startsAt, endsAt: startsAt }).toISOString()).toBe("2026-05-31T21:59:00.000Z");
  });

  it("says a body is eligible when the convention in force that day includes the service", () => {
    const conventions: EligibilityConvention[] = [
      {
        signatoryBodyId: "A",
        dates: {
          status: "active",
          startDate: "2026-01-01",
          endDate: "2026-12-31",
          noticeEffectiveOn: null,
          terminatedOn: null,
        },
        versions: [
          { number: 1, effectiveFrom: "2026-01-01", signed: true, serviceIds: ["gis"] },
          { number: 2, effectiveFrom: "2026-06-01", signed: true, serviceIds: ["gis", "web"] },
        ],
      },
    ];
    expect(isEligible(conventions, { bodyId: "A", serviceId: "gis", date: "2026-03-01" })).toBe(true);
    expect(isEligible(conventions, { bodyId: "A", serviceId: "web", date: "2026-03-01" })).toBe(false);
    expect(isEligible(conventions, { bodyId: "A", serviceId: "web", date: "2026-07-01" })).toBe(true);
    expect(isEligible(conventions, { bodyId: "A", serviceId: "gis", date: "2027-01-02" })).toBe(false);
    expect(isEligible(conventions, { bodyId: "B", serviceId: "gis", date: "2026-03-01" })).toBe(false);
  });

  it("opens a check-in code for its half-day only", () => {
    const slot = slotInstants({ date: "2026-06-01", start: "09:00", end: "12:30" });
    expect(checkInOpen(slot, new Date("2026-06-01T08:00:00Z"))).toBe(true);
    expect(checkInOpen(slot, new Date("2026-06-01T13:00:00Z"))).toBe(false);
    expect(checkInOpen(slot, new Date("2026-06-02T08:00:00Z"))).toBe(false);
  });

  it("averages the survey per question", () => {
    expect(
      surveyAverages([{ content: 5, trainer: 4, organisation: 3, usefulness: 5 }, { content: 4 }]),
    ).toEqual({
      content: 4.5,
      trainer: 4,
      organisation: 3,
      usefulness: 5,
    });
  });
});
