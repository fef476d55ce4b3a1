"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formValues, type FormState } from "../../lib/form-state.ts";
import { api } from "../../server/api.ts";
import { toFormState } from "../../server/form-errors.ts";

const text = (fd: FormData, k: string) => String(fd.get(k) ?? "").trim();

/** "08:30-12:00, 13:30-17:30" per weekday; anything unparsable is passed on for zod to name. */
function weeklyFrom(fd: FormData) {
  const weekly: Record<string, { from: string; to: string }[]> = {};
  for (const d of ["1", "2", "3", "4", "5", "6", "7"]) {
    const raw = text(fd, `weekly.${d}`);
    if (!raw) continue;
    weekly[d] = raw.split(/[,;]/).map((s) => s.trim()).filter(Boolean).map((s) => {
      const [from = "", to = ""] = s.split(/\s*[-–à]\s*/);
      return { from: from.replace("h", ":"), to: to.replace("h", ":") };
    });
  }
  return weekly;
}

async function run(fd: FormData, change: (c: Awaited<ReturnType<typeof api>>) => Promise<string>): Promise<FormState> {
  let target: string;
  try {
    target = await change(await api());
  } catch (e) {
    return toFormState(e, formValues(fd));
  }
  revalidatePath("/", "layout");
  redirect(target);
}

export async function saveCalendarAction(id: string | null, _: FormState, fd: FormData) {
  const calendar = { name: text(fd, "name"), timeZone: text(fd, "timeZone") || "Europe/Paris", holidayZone: text(fd, "holidayZone") as "metropole", weekly: weeklyFrom(fd) };
  return run(fd, async (c) => `/calendriers/${(id ? await c.calendars.update({ id, calendar }) : await c.calendars.create(calendar)).id}`);
}

export async function addClosureAction(calendarId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => {
    await c.calendars.addClosure({ calendarId, startDate: text(fd, "startDate"), endDate: text(fd, "endDate") || text(fd, "startDate"), label: text(fd, "label") });
    return `/calendriers/${calendarId}#closures`;
  });
}

export async function removeClosureAction(calendarId: string, closureId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => (await c.calendars.removeClosure({ id: closureId }), `/calendriers/${calendarId}#closures`));
}
