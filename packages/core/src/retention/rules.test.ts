import { describe, expect, it } from "vitest";
import { monthsBefore, nextRunAt, retentionCutoff } from "./rules.ts";

describe("retention rules", () => {
  it("counts calendar months back, the last day of a shorter month standing in for a missing day", () => {
    expect(monthsBefore(new Date("2026-03-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(monthsBefore(new Date("2028-03-31T10:00:00Z"), 1).toISOString()).toBe("2028-02-29T10:00:00.000Z");
    expect(monthsBefore(new Date("2026-12-02T03:40:00Z"), 36).toISOString()).toBe("2023-12-02T03:40:00.000Z");
    expect(monthsBefore(new Date("2026-01-15T00:00:00Z"), 13).toISOString()).toBe("2024-12-15T00:00:00.000Z");
    expect(retentionCutoff(new Date("2026-05-31T01:00:00Z"), 3).toISOString()).toBe(
      "2026-02-28T01:00:00.000Z",
    );
  });

  it("runs every night at 03:40 Paris time, winter and summer", () => {
    // Winter (UTC+1): 03:40 Paris = 02:40 UTC.
    expect(nextRunAt(new Date("2026-12-02T01:00:00Z")).toISOString()).toBe("2026-12-02T02:40:00.000Z");
    expect(nextRunAt(new Date("2026-12-02T02:40:00Z")).toISOString()).toBe("2026-12-03T02:40:00.000Z");
    // Summer (UTC+2): 03:40 Paris = 01:40 UTC; 23:30 UTC is already the next day in Paris.
    expect(nextRunAt(new Date("2026-07-14T23:30:00Z")).toISOString()).toBe("2026-07-15T01:40:00.000Z");
    expect(nextRunAt(new Date("2026-07-14T12:00:00Z")).toISOString()).toBe("2026-07-15T01:40:00.000Z");
  });
});
