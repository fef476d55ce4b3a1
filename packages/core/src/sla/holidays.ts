// French public holidays, computed for any Gregorian year (Code du travail L3133-1; Alsace-Moselle
// adds Good Friday and St Stephen's Day, L3134-13). Easter by the anonymous Gregorian algorithm.
import { addDays, isoDate, type LocalDate } from "./zone.ts";

export type HolidayZone = "metropole" | "alsace-moselle";
export interface PublicHoliday {
  date: string;
  name: string;
}

/** Easter Sunday of a Gregorian year (Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

const cache = new Map<string, PublicHoliday[]>();

export function publicHolidays(year: number, zone: HolidayZone): PublicHoliday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999)
    throw new RangeError(`year out of range: ${year}`);
  const key = `${year}:${zone}`;
  const hit = cache.get(key);
  if (hit) return hit.map((h) => ({ ...h }));
  const fixed = (month: number, day: number) => isoDate({ year, month, day });
  const easter = easterSunday(year);
  const rel = (n: number) => isoDate(addDays(easter, n));
  const list: PublicHoliday[] = [
    { date: fixed(1, 1), name: "Jour de l'an" },
    { date: rel(1), name: "Lundi de Pâques" },
    { date: fixed(5, 1), name: "Fête du Travail" },
    { date: fixed(5, 8), name: "Victoire 1945" },
    { date: rel(39), name: "Ascension" },
    { date: rel(50), name: "Lundi de Pentecôte" },
    { date: fixed(7, 14), name: "Fête nationale" },
    { date: fixed(8, 15), name: "Assomption" },
    { date: fixed(11, 1), name: "Toussaint" },
    { date: fixed(11, 11), name: "Armistice 1918" },
    { date: fixed(12, 25), name: "Noël" },
  ];
  if (zone === "alsace-moselle") {
    list.push({ date: rel(-2), name: "Vendredi saint" }, { date: fixed(12, 26), name: "Saint-Étienne" });
  }
  list.sort((x, y) => x.date.localeCompare(y.date));
  cache.set(key, list);
  return list.map((h) => ({ ...h }));
}

/** The holiday's name if `date` ("YYYY-MM-DD") is a public holiday in `zone`. */
export function holidayOn(date: string, zone: HolidayZone | "none"): string | null {
  if (zone === "none") return null;
  const list = cache.get(`${date.slice(0, 4)}:${zone}`) ?? publicHolidays(Number(date.slice(0, 4)), zone);
  return list.find((h) => h.date === date)?.name ?? null;
}
