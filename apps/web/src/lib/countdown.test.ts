import { describe, expect, it } from "vitest";
import { countdown } from "./countdown.ts";

const now = new Date("2026-11-23T10:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe("countdown", () => {
  it("keeps the largest units that matter, left or overdue", () => {
    expect(countdown(at(135), now)).toMatchObject({
      overdue: false,
      unit: "hour",
      n: 3,
      hours: 2,
      minutes: 15,
    });
    expect(countdown(at(-180), now)).toMatchObject({ overdue: true, unit: "hour", n: 3, minutes: 0 });
    expect(countdown(at(45.9), now)).toMatchObject({ overdue: false, unit: "minute", n: 45 });
    expect(countdown(at(3 * 1440 + 250), now)).toMatchObject({ unit: "day", days: 3, hours: 4 });
    // Agreement: « 1 h restante », but « 1 h 15 restantes » and « 1 j 8 h restants ».
    expect(countdown(at(60), now).n).toBe(1);
    expect(countdown(at(75), now).n).toBeGreaterThan(1);
    expect(countdown(at(1440 + 480), now).n).toBeGreaterThan(1);
    expect(countdown(at(-0.5), now)).toMatchObject({ overdue: true, unit: "minute", n: 0 });
  });
});
