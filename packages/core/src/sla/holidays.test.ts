import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { easterSunday, holidayOn, publicHolidays } from "./holidays.ts";
import { isoDate } from "./zone.ts";

// Independent reference: the date-holidays package (its own rules data), for many years.
function reference(year: number, state?: string): string[] {
  const hd = state ? new Holidays("FR", state) : new Holidays("FR");
  return hd
    .getHolidays(year)
    .filter((h) => h.type === "public")
    .map((h) => h.date.slice(0, 10))
    .sort();
}

describe("publicHolidays", () => {
  it("matches an independent reference for metropolitan France, 1990–2150", () => {
    for (let year = 1990; year <= 2150; year++) {
      expect(
        publicHolidays(year, "metropole").map((h) => h.date),
        String(year),
      ).toEqual(reference(year));
    }
  });

  it("matches an independent reference for Alsace-Moselle (Moselle, Bas-Rhin, Haut-Rhin), 1990–2150", () => {
    for (const state of ["57", "67", "68"]) {
      for (let year = 1990; year <= 2150; year += 7) {
        expect(
          publicHolidays(year, "alsace-moselle").map((h) => h.date),
          `${state} ${year}`,
        ).toEqual(reference(year, state));
      }
    }
  });

  it("knows Easter Sunday for dates checked by hand", () => {
    expect(isoDate(easterSunday(2024))).toBe("2024-03-31");
    expect(isoDate(easterSunday(2025))).toBe("2025-04-20");
    expect(isoDate(easterSunday(2026))).toBe("2026-04-05");
    expect(isoDate(easterSunday(2038))).toBe("2038-04-25"); // latest possible
    expect(isoDate(easterSunday(2285))).toBe("2285-03-22"); // earliest possible
  });

  it("names the holidays of 2026 and adds Good Friday and 26 December for Alsace-Moselle only", () => {
    const metropole = publicHolidays(2026, "metropole");
    expect(metropole).toHaveLength(11);
    expect(metropole).toContainEqual({ date: "2026-05-14", name: "Ascension" });
    expect(metropole).toContainEqual({ date: "2026-05-25", name: "Lundi de Pentecôte" });
    const alsace = publicHolidays(2026, "alsace-moselle");
    expect(alsace).toHaveLength(13);
    expect(alsace).toContainEqual({ date: "2026-04-03", name: "Vendredi saint" });
    expect(alsace).toContainEqual({ date: "2026-12-26", name: "Saint-Étienne" });
    expect(holidayOn("2026-04-03", "metropole")).toBeNull();
    expect(holidayOn("2026-12-25", "none")).toBeNull();
  });

  it("returns copies that callers cannot corrupt", () => {
    publicHolidays(2027, "metropole")[0]!.date = "nope";
    expect(publicHolidays(2027, "metropole")[0]!.date).toBe("2027-01-01");
  });

  it("refuses years outside the Gregorian range", () => {
    expect(() => publicHolidays(1500, "metropole")).toThrow(RangeError);
  });
});
