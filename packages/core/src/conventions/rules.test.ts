import { describe, expect, it } from "vitest";
import {
  addMonths,
  canDo,
  daysBetween,
  endingAttention,
  inForceOn,
  lastDay,
  noticeDeadline,
  noticeEffectiveDate,
  rollOver,
  versionOn,
} from "./rules.ts";

const base = {
  status: "active" as const,
  startDate: "2023-01-01",
  endDate: "2025-12-31",
  noticeEffectiveOn: null,
  terminatedOn: null,
  renewalRule: "none" as const,
  renewalYears: null,
};

describe("dates", () => {
  it("adds months clamping to the end of the month, forwards and backwards", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-10-15", 4)).toBe("2027-02-15");
    expect(addMonths("2025-12-31", -4)).toBe("2025-08-31");
    expect(daysBetween("2026-02-27", "2026-03-02")).toBe(3);
  });

  it("computes the notice effective date and the notice deadline (4 months)", () => {
    expect(noticeEffectiveDate("2026-11-23", 4)).toBe("2027-03-23");
    expect(noticeDeadline("2025-12-31", 4)).toBe("2025-08-31");
  });
});

describe("versionOn", () => {
  const versions = [
    { number: 1, effectiveFrom: "2026-01-01", signed: true },
    { number: 2, effectiveFrom: "2026-06-01", signed: true },
    { number: 3, effectiveFrom: "2026-09-01", signed: false },
  ];
  it("picks the latest signed version effective on the day", () => {
    expect(versionOn(versions, "2025-12-31")).toBeNull();
    expect(versionOn(versions, "2026-01-01")?.number).toBe(1);
    expect(versionOn(versions, "2026-05-31")?.number).toBe(1);
    expect(versionOn(versions, "2026-06-01")?.number).toBe(2);
    expect(versionOn(versions, "2027-01-01")?.number).toBe(2); // the draft amendment is never in force
  });
});

describe("inForceOn", () => {
  it("covers start to end inclusive, never for drafts", () => {
    expect(inForceOn(base, "2022-12-31")).toBe(false);
    expect(inForceOn(base, "2023-01-01")).toBe(true);
    expect(inForceOn(base, "2025-12-31")).toBe(true);
    expect(inForceOn(base, "2026-01-01")).toBe(false);
    expect(inForceOn({ ...base, status: "draft" }, "2024-01-01")).toBe(false);
  });
  it("ends the day before a termination or the end of notice", () => {
    const c = { ...base, status: "notice_given" as const, noticeEffectiveOn: "2024-05-01" };
    expect(lastDay(c)).toBe("2024-04-30");
    expect(inForceOn(c, "2024-04-30")).toBe(true);
    expect(inForceOn(c, "2024-05-01")).toBe(false);
    expect(inForceOn({ ...base, status: "terminated", terminatedOn: "2024-03-01" }, "2024-03-01")).toBe(
      false,
    );
    expect(inForceOn({ ...base, endDate: null }, "2099-01-01")).toBe(true);
  });
});

describe("lifecycle", () => {
  it("allows actions by status", () => {
    expect(canDo("draft", "activate")).toBe(true);
    expect(canDo("active", "activate")).toBe(false);
    expect(canDo("active", "giveNotice")).toBe(true);
    expect(canDo("notice_given", "giveNotice")).toBe(false);
    expect(canDo("notice_given", "terminate")).toBe(true);
    expect(canDo("terminated", "renew")).toBe(false);
    expect(canDo("expired", "renew")).toBe(true);
  });

  it("rolls over: tacit renewal by whole periods, expiry otherwise, termination at the end of notice", () => {
    expect(rollOver(base, "2025-12-31")).toBeNull();
    expect(rollOver(base, "2026-01-01")).toEqual({
      status: "expired",
      endDate: "2025-12-31",
      terminatedOn: null,
    });
    expect(rollOver({ ...base, renewalRule: "tacit", renewalYears: 1 }, "2027-03-01")).toEqual({
      status: "active",
      endDate: "2027-12-31",
      terminatedOn: null,
    });
    expect(
      rollOver({ ...base, status: "notice_given", noticeEffectiveOn: "2025-04-01" }, "2025-04-01"),
    ).toEqual({ status: "terminated", endDate: "2025-12-31", terminatedOn: "2025-04-01" });
    expect(rollOver({ ...base, status: "terminated", terminatedOn: "2024-01-01" }, "2030-01-01")).toBeNull();
  });

  it("flags the notice deadline of a tacitly renewed convention, else its end", () => {
    const tacit = { ...base, renewalRule: "tacit" as const, renewalYears: 3, noticeMonths: 4 };
    expect(endingAttention(tacit, "2025-08-01", 60)).toEqual({ kind: "notice_deadline", date: "2025-08-31" });
    expect(endingAttention({ ...base, noticeMonths: 4 }, "2025-11-15", 60)).toEqual({
      kind: "end",
      date: "2025-12-31",
    });
    expect(endingAttention({ ...base, noticeMonths: 4 }, "2025-01-01", 60)).toBeNull();
  });
});
