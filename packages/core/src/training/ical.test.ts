// The invitations read back with two independent parsers (node-ical and ical.js).
import ICAL from "ical.js";
import nodeIcal, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { eventUid, invitationIcs } from "./ical.ts";
import { slotInstants } from "./rules.ts";

const slots = [
  { id: "s1", ...slotInstants({ date: "2026-03-27", start: "09:00", end: "12:30" }) },
  { id: "s2", ...slotInstants({ date: "2026-03-30", start: "09:00", end: "12:30" }) },
];
const base = {
  sessionId: "x",
  number: "FORM-2026-0001",
  title: "Initiation SIGM@",
  description: "Prendre en main la cartographie",
  slots,
  location: "Salle du conseil, 1 place de la Mairie",
  remoteLink: "",
  organizer: { name: "DSI", email: "formations@dsi.example" },
  attendee: { name: "Agnès Valmont", email: "agnes@bellerive.example" },
  stamp: new Date("2026-03-01T10:00:00Z"),
};

describe("calendar invitations", () => {
  it("node-ical reads one event per slot at the right instants across the DST change", () => {
    const ics = invitationIcs({ ...base, method: "REQUEST", sequence: 0 });
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("BEGIN:VTIMEZONE");
    const parsed = Object.values(nodeIcal.sync.parseICS(ics)).filter((c) => c?.type === "VEVENT");
    expect(parsed).toHaveLength(2);
    const [a, b] = parsed as VEvent[];
    expect(a!.uid).toBe(eventUid("s1"));
    expect(new Date(a!.start).toISOString()).toBe("2026-03-27T08:00:00.000Z");
    expect(new Date(b!.start).toISOString()).toBe("2026-03-30T07:00:00.000Z");
    expect(new Date(b!.end!).toISOString()).toBe("2026-03-30T10:30:00.000Z");
    expect(String(a!.location)).toContain("Salle du conseil");
  });

  it("ical.js reads Europe/Paris wall times, the organiser, a higher SEQUENCE on update and METHOD:CANCEL", () => {
    const update = invitationIcs({ ...base, method: "REQUEST", sequence: 2 });
    const first = new ICAL.Component(ICAL.parse(update));
    // ical.js converts with the VTIMEZONE the file carries, once registered.
    ICAL.TimezoneService.register(new ICAL.Timezone(first.getFirstSubcomponent("vtimezone")!));
    const cal = new ICAL.Component(ICAL.parse(update));
    expect(cal.getFirstPropertyValue("method")).toBe("REQUEST");
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.sequence)).toEqual([2, 2]);
    expect(events[1]!.startDate.toString()).toBe("2026-03-30T09:00:00");
    expect(cal.getAllSubcomponents("vevent")[1]!.getFirstProperty("dtstart")!.getParameter("tzid")).toBe(
      "Europe/Paris",
    );
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe("2026-03-27T08:00:00.000Z");
    expect(events[1]!.startDate.toJSDate().toISOString()).toBe("2026-03-30T07:00:00.000Z");
    expect(String(events[0]!.organizer)).toBe("mailto:formations@dsi.example");
    const cancel = new ICAL.Component(ICAL.parse(invitationIcs({ ...base, method: "CANCEL", sequence: 3 })));
    expect(cancel.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancel.getFirstSubcomponent("vevent")!.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancel.getFirstSubcomponent("vevent")!.getFirstPropertyValue("uid")).toBe(eventUid("s1"));
  });
});
