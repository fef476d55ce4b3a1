import { describe, expect, it } from "vitest";
import { addBusinessTime, businessTimeBetween, NoWorkingTimeError } from "./business-time.ts";
import { ALWAYS_OPEN, type Calendar } from "./calendar.ts";
import { previewDays } from "./preview.ts";

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

describe("addBusinessTime", () => {
  it("carries a Friday-evening report over the weekend (12 business hours = 1.6 days of 7.5 h)", () => {
    // Friday 2026-11-20 18:30 Paris (17:30Z). Monday 23: 7.5 h; Tuesday 24: 4.5 h more → 08:30+3.5h=12:00, +1h → 14:30.
    expect(addBusinessTime(office, at("2026-11-20T17:30:00Z"), 12 * H).toISOString()).toBe(
      "2026-11-24T13:30:00.000Z",
    );
  });

  it("skips public holidays (Easter Monday 2026) and counts from the next slot", () => {
    // Thursday 2 April 2026 17:00 Paris (15:00Z): 0.5 h Thu, Fri 7.5 h, Mon 6 April is a holiday, Tue: 4 h → 8:30+3.5=12:00, +0.5 → 14:00.
    expect(addBusinessTime(office, at("2026-04-02T15:00:00Z"), 12 * H).toISOString()).toBe(
      "2026-04-07T12:00:00.000Z",
    );
  });

  it("respects extra closures given as inclusive local date ranges", () => {
    const closed = { ...office, closures: [{ from: "2026-11-23", to: "2026-11-24" }] };
    // Friday 18:30 → Wednesday 25 (7.5 h) then Thursday 26 4.5 h → 14:30 Paris = 13:30Z.
    expect(addBusinessTime(closed, at("2026-11-20T17:30:00Z"), 12 * H).toISOString()).toBe(
      "2026-11-26T13:30:00.000Z",
    );
  });

  it("ends exactly on a slot boundary rather than at the next slot's start", () => {
    // Monday 23 Nov 08:30 Paris + 3.5 h = 12:00 Paris (11:00Z), not 13:30.
    expect(addBusinessTime(office, at("2026-11-23T07:30:00Z"), 3.5 * H).toISOString()).toBe(
      "2026-11-23T11:00:00.000Z",
    );
  });

  it("starts inside a lunch break at the afternoon slot", () => {
    expect(addBusinessTime(office, at("2026-11-23T11:45:00Z"), H).toISOString()).toBe(
      "2026-11-23T13:30:00.000Z",
    );
  });

  it("counts real hours across the spring DST change (29 March 2026)", () => {
    const nights: Calendar = {
      timeZone: "Europe/Paris",
      weekly: { 7: [{ from: "00:00", to: "24:00" }] },
      holidayZone: "none",
    };
    // Sunday 29 March 2026 has 23 hours in Paris.
    expect(businessTimeBetween(nights, at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z"))).toBe(23 * H);
    // From local midnight (23:00Z Saturday), 23 h of work ends at local midnight Monday (22:00Z Sunday).
    expect(addBusinessTime(nights, at("2026-03-28T23:00:00Z"), 23 * H).toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
  });

  it("counts 25 hours on the autumn DST day and keeps slots at local wall-clock time", () => {
    const sundays: Calendar = {
      timeZone: "Europe/Paris",
      weekly: { 7: [{ from: "00:00", to: "24:00" }] },
      holidayZone: "none",
    };
    expect(businessTimeBetween(sundays, at("2026-10-24T00:00:00Z"), at("2026-10-27T00:00:00Z"))).toBe(25 * H);
    // Friday 23 Oct 17:00 (UTC+2): 0.5 h left that day, then Monday 26 from 08:30 local (UTC+1) → 09:00 = 08:00Z.
    expect(addBusinessTime(office, at("2026-10-23T15:00:00Z"), H).toISOString()).toBe(
      "2026-10-26T08:00:00.000Z",
    );
  });

  it("treats clock hours as round the clock", () => {
    expect(addBusinessTime(ALWAYS_OPEN, at("2026-11-20T17:30:00Z"), 12 * H).toISOString()).toBe(
      "2026-11-21T05:30:00.000Z",
    );
  });

  it("returns the start for a zero duration and refuses a calendar with no working time", () => {
    expect(addBusinessTime(office, at("2026-11-21T10:00:00Z"), 0).toISOString()).toBe(
      "2026-11-21T10:00:00.000Z",
    );
    expect(() => addBusinessTime({ ...office, weekly: {} }, at("2026-11-21T10:00:00Z"), H)).toThrow(
      NoWorkingTimeError,
    );
  });

  it("is the inverse of businessTimeBetween on many random starts", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i++) {
      const start = new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 365 * 24 * 60) * 60_000);
      const duration = Math.floor(rand() * 40 * 60) * 60_000;
      const end = addBusinessTime(office, start, duration);
      expect(businessTimeBetween(office, start, end)).toBe(duration);
      // Earliest: one minute earlier, not yet elapsed.
      if (duration > 0)
        expect(businessTimeBetween(office, start, new Date(end.getTime() - 60_000))).toBeLessThan(duration);
    }
  });
});

describe("businessTimeBetween", () => {
  it("is 0 when `to` is not after `from`", () => {
    expect(businessTimeBetween(office, at("2026-11-23T10:00:00Z"), at("2026-11-23T09:00:00Z"))).toBe(0);
  });

  it("counts a full week of office hours minus the 11 November holiday", () => {
    expect(businessTimeBetween(office, at("2026-11-09T00:00:00Z"), at("2026-11-16T00:00:00Z"))).toBe(
      4 * 7.5 * H,
    );
  });

  it("honours other time zones", () => {
    const montreal: Calendar = { ...office, timeZone: "America/Montreal", holidayZone: "none" };
    // 08:30 in Montréal on Monday 23 Nov 2026 is 13:30Z.
    expect(addBusinessTime(montreal, at("2026-11-23T00:00:00Z"), 60_000).toISOString()).toBe(
      "2026-11-23T13:31:00.000Z",
    );
  });
});

describe("previewDays", () => {
  it("shows holidays, closures and slots per local day", () => {
    const days = previewDays(
      { ...office, closures: [{ from: "2026-12-24", to: "2026-12-24" }] },
      "2026-12-24",
      4,
    );
    expect(days.map((d) => [d.date, d.kind, d.minutes])).toEqual([
      ["2026-12-24", "closure", 0],
      ["2026-12-25", "holiday", 0],
      ["2026-12-26", "open", 0],
      ["2026-12-27", "open", 0],
    ]);
    expect(previewDays(office, "2026-12-28", 1)[0]).toMatchObject({
      weekday: 1,
      minutes: 450,
      slots: [
        { from: "08:30", to: "12:00" },
        { from: "13:30", to: "17:30" },
      ],
    });
  });
});
