"use server";
import { formText, runThenRedirect } from "../../server/form-action.ts";
import type { FormState } from "../../lib/form-state.ts";

/** "08:30-12:00, 13:30-17:30" per weekday; anything unparsable is passed on for zod to name. */
function weeklyFrom(fd: FormData) {
  const weekly: Record<string, { from: string; to: string }[]> = {};
  for (const d of ["1", "2", "3", "4", "5", "6", "7"]) {
    const raw = formText(fd, `weekly.${d}`);
    if (!raw) continue;
    weekly[d] = raw
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const [from = "", to = ""] = s.split(/\s*[-–à]\s*/);
        return { from: from.replace("h", ":"), to: to.replace("h", ":") };
      });
  }
  return weekly;
}

export async function saveCalendarAction(id: string | null, _: FormState, fd: FormData) {
  const calendar = {
    name: formText(fd, "name"),
    timeZone: formText(fd, "timeZone") || "Europe/Paris",
    holidayZone: formText(fd, "holidayZone") as "metropole",
    weekly: weeklyFrom(fd),
  };
  return runThenRedirect(
    fd,
    async (c) =>
      `/calendriers/${(id ? await c.calendars.update({ id, calendar }) : await c.calendars.create(calendar)).id}`,
  );
}

export async function addClosureAction(calendarId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.calendars.addClosure({
      calendarId,
      startDate: formText(fd, "startDate"),
      endDate: formText(fd, "endDate") || formText(fd, "startDate"),
      label: formText(fd, "label"),
    });
    return `/calendriers/${calendarId}#closures`;
  });
}

export async function removeClosureAction(calendarId: string, closureId: string, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => (await c.calendars.removeClosure({ id: closureId }), `/calendriers/${calendarId}#closures`),
  );
}
