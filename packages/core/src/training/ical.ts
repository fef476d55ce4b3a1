// Calendar invitations (RFC 5545 / iTIP): one VEVENT per slot, times in Europe/Paris with its
// VTIMEZONE, a UID stable for each slot and a SEQUENCE raised at each change, METHOD:REQUEST for an
// invitation or an update, METHOD:CANCEL when the session or the registration is cancelled.
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { localSlot, TRAINING_TIME_ZONE } from "./rules.ts";

/** Europe/Paris under the EU rules in force since 1996 (Outlook and Google need the VTIMEZONE). */
export const PARIS_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Paris",
  "X-LIC-LOCATION:Europe/Paris",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

export interface InvitationData {
  method: "REQUEST" | "CANCEL";
  sessionId: string;
  number: string;
  title: string;
  description: string;
  sequence: number;
  slots: { id: string; startsAt: Date; endsAt: Date }[];
  location: string;
  remoteLink: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  stamp: Date;
}

/** The UID of a slot's event: the same in the invitation, its updates and its cancellation. */
export const eventUid = (slotId: string) => `training-slot-${slotId}@mutuo`;

export function invitationIcs(d: InvitationData): string {
  const cal = ical({
    prodId: { company: "Mutuo", product: "Formations", language: "FR" },
    method: d.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: TRAINING_TIME_ZONE, generator: () => PARIS_VTIMEZONE },
  });
  d.slots.forEach((slot, i) => {
    // ical-generator writes a native Date's fields in the process's zone: hand it the local
    // Europe/Paris wall time as a zone-less ISO string (parsed back in the same process zone).
    const local = localSlot(slot);
    cal.createEvent({
      id: eventUid(slot.id),
      sequence: d.sequence,
      stamp: d.stamp,
      start: `${local.date}T${local.start}:00`,
      end: `${local.date}T${local.end}:00`,
      timezone: TRAINING_TIME_ZONE,
      summary: `${d.title} (${d.number})${d.slots.length > 1 ? ` — ${i + 1}/${d.slots.length}` : ""}`,
      description: [d.description, d.remoteLink].filter(Boolean).join("\n\n"),
      location: d.location || d.remoteLink || undefined,
      url: d.remoteLink || undefined,
      organizer: d.organizer,
      attendees: [{ name: d.attendee.name, email: d.attendee.email, rsvp: false }],
      status: d.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  });
  // DTSTAMP must be UTC (the calendar's zone would write it as a local time).
  const stamp = d.stamp
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  return cal.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${stamp}`);
}
