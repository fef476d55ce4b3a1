import { describe, expect, it } from "vitest";
import { firstOrdinal } from "./french-date.ts";

describe("French dates", () => {
  it("writes the first of the month as « 1er »", () => {
    const long = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
    expect(firstOrdinal(long.format(new Date("2026-01-01T12:00:00Z")))).toBe("1er janvier 2026");
    expect(firstOrdinal("mercredi 1 avril à 14:30")).toBe("mercredi 1er avril à 14:30");
    expect(firstOrdinal("11 janvier 2026")).toBe("11 janvier 2026");
    expect(firstOrdinal("21 mai")).toBe("21 mai");
    expect(firstOrdinal("January 1, 2026")).toBe("January 1, 2026");
  });
});
