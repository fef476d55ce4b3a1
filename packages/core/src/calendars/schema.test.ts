import { describe, expect, it } from "vitest";
import { calendarInput, closureInput } from "./schema.ts";

const parse = (weekly: Record<string, { from: string; to: string }[]>) =>
  calendarInput.safeParse({ name: "C", weekly });
const paths = (r: ReturnType<typeof parse>) =>
  r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);

describe("calendar input", () => {
  it("accepts office hours and 24:00 as an end", () => {
    expect(
      parse({
        1: [
          { from: "08:30", to: "12:00" },
          { from: "13:30", to: "17:30" },
        ],
        7: [{ from: "00:00", to: "24:00" }],
      }).success,
    ).toBe(true);
  });

  it("names malformed times without throwing", () => {
    expect(paths(parse({ 6: [{ from: "09:00", to: "25:00" }] }))).toEqual([["weekly.6.0.to", "time"]]);
    expect(paths(parse({ 1: [{ from: "", to: "" }] }))).toContainEqual(["weekly.1.0.from", "time"]);
  });

  it("refuses reversed and overlapping slots, and a week with no working time", () => {
    expect(paths(parse({ 1: [{ from: "12:00", to: "08:00" }] }))).toEqual([["weekly.1.0.to", "slot_order"]]);
    expect(
      paths(
        parse({
          1: [
            { from: "08:00", to: "12:00" },
            { from: "11:00", to: "14:00" },
          ],
        }),
      ),
    ).toEqual([["weekly.1", "slots_overlap"]]);
    expect(paths(parse({}))).toEqual([["weekly", "no_working_time"]]);
  });

  it("refuses an unknown time zone and a closure ending before it starts", () => {
    expect(
      calendarInput.safeParse({
        name: "C",
        timeZone: "Mars/Olympus",
        weekly: { 1: [{ from: "08:00", to: "12:00" }] },
      }).success,
    ).toBe(false);
    expect(
      closureInput.safeParse({
        calendarId: "00000000-0000-4000-8000-000000000000",
        startDate: "2026-12-24",
        endDate: "2026-12-23",
        label: "x",
      }).success,
    ).toBe(false);
  });
});
