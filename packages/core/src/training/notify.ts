// E-mails of a session, queued in the transaction of the change: invitations carry the iCalendar
// invitation (REQUEST, or CANCEL), with the session's current SEQUENCE.
import type { DbTx } from "@mutuo/db";
import type { TrainingTemplate } from "@mutuo/email";
import { enqueueMail } from "../notifications/index.ts";
import { invitationIcs } from "./ical.ts";
import { localSlot, TRAINING_TIME_ZONE } from "./rules.ts";

export interface SessionForMail {
  id: string;
  number: string;
  sequence: number;
  address: string;
  room: string;
  remoteLink: string;
  trainerName: string;
  trainer: { name: string } | null;
  course: { title: string; objectives: string };
  slots: { id: string; startsAt: Date; endsAt: Date }[];
}

export const sessionMailSelect = {
  id: true,
  number: true,
  sequence: true,
  address: true,
  room: true,
  remoteLink: true,
  trainerName: true,
  trainer: { select: { name: true } },
  course: { select: { title: true, objectives: true } },
  slots: { select: { id: true, startsAt: true, endsAt: true }, orderBy: { startsAt: "asc" as const } },
} as const;

export const placeOf = (s: { address: string; room: string }) =>
  [s.room, s.address].filter(Boolean).join(", ");

/** "lundi 30 mars 2026, 09:00 – 12:30" in Europe/Paris. */
export function slotLine(slot: { startsAt: Date; endsAt: Date }, locale: "fr" | "en" = "fr"): string {
  const day = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", {
    dateStyle: "full",
    timeZone: TRAINING_TIME_ZONE,
  }).format(slot.startsAt);
  const l = localSlot(slot);
  return `${day}, ${l.start} – ${l.end}`;
}

function organizer() {
  const from = process.env.MAIL_FROM ?? "";
  const email =
    /<([^>]+)>/.exec(from)?.[1] ?? (from.includes("@") ? from.trim() : "formations@mutuo.invalid");
  return { name: process.env.MAIL_PROVIDER_NAME?.trim() || "Mutuo — Formations", email };
}

export async function mailRegistration(
  tx: DbTx,
  s: SessionForMail,
  r: { id: string; user: { id: string; name: string; email: string; locale: string } },
  template: TrainingTemplate,
  opts: { now: Date; key: string; position?: number; ical?: "REQUEST" | "CANCEL" },
): Promise<void> {
  const ical = opts.ical
    ? {
        method: opts.ical,
        content: invitationIcs({
          method: opts.ical,
          sessionId: s.id,
          number: s.number,
          title: s.course.title,
          description: s.course.objectives,
          sequence: s.sequence,
          slots: s.slots,
          location: placeOf(s),
          remoteLink: s.remoteLink,
          organizer: organizer(),
          attendee: { name: r.user.name, email: r.user.email },
          stamp: opts.now,
        }),
      }
    : undefined;
  const locale = r.user.locale === "en" ? "en" : "fr";
  await enqueueMail(tx, {
    dedupKey: `${template}:${r.id}:${opts.key}`,
    template,
    to: r.user.email,
    toUserId: r.user.id,
    locale,
    always: true,
    data: {
      number: s.number,
      title: s.course.title,
      name: r.user.name,
      when: s.slots.map((x) => slotLine(x, locale)),
      where: placeOf(s) || s.remoteLink,
      path: `/formations/${s.id}`,
      position: opts.position,
      ...(ical ? { ical } : {}),
    },
  });
}
