"use server";
import { revalidatePath } from "next/cache";
import { formText, runThenRedirect } from "../../server/form-action.ts";
import { api } from "../../server/api.ts";
import type { FormState } from "../../lib/form-state.ts";

import { SLOT_ROWS } from "./slots.ts";

const num = (fd: FormData, k: string) => (formText(fd, k) === "" ? Number.NaN : Number(formText(fd, k)));
const optNum = (fd: FormData, k: string) => (formText(fd, k) === "" ? null : Number(formText(fd, k)));

/** Slot rows as typed: every row with something in it, in order (blank rows are skipped). */
function slotsFrom(fd: FormData) {
  const rows = [];
  for (let i = 0; i < Math.max(SLOT_ROWS, 60); i++) {
    const row = {
      date: formText(fd, `slots.${i}.date`),
      start: formText(fd, `slots.${i}.start`),
      end: formText(fd, `slots.${i}.end`),
    };
    if (row.date || row.start || row.end) rows.push(row);
  }
  return rows;
}

function sessionFrom(fd: FormData) {
  return {
    courseId: formText(fd, "courseId"),
    slots: slotsFrom(fd),
    address: formText(fd, "address"),
    room: formText(fd, "room"),
    remoteLink: formText(fd, "remoteLink"),
    trainerId: formText(fd, "trainerId") || null,
    trainerName: formText(fd, "trainerName"),
    capacity: num(fd, "capacity"),
    perBodyLimit: optNum(fd, "perBodyLimit"),
    registrationDeadline: formText(fd, "registrationDeadline"),
    dedicatedBodyId: formText(fd, "dedicatedBodyId") || null,
  };
}

export async function saveSessionAction(id: string | null, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const session = sessionFrom(fd);
    const saved = id
      ? await c.training.updateSession({ id, session })
      : await c.training.createSession(session);
    return `/formations/${saved.id}`;
  });
}

function courseFrom(fd: FormData) {
  return {
    serviceId: formText(fd, "serviceId"),
    title: formText(fd, "title"),
    objectives: formText(fd, "objectives"),
    audience: formText(fd, "audience"),
    prerequisites: formText(fd, "prerequisites"),
    durationHalfDays: num(fd, "durationHalfDays"),
    format: formText(fd, "format") === "remote" ? ("remote" as const) : ("on_site" as const),
    defaultCapacity: num(fd, "defaultCapacity"),
  };
}

/** Creates a course (back to the catalogue) or saves an edited one (back to its page). */
export async function saveCourseAction(id: string | null, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    if (!id) {
      await c.training.createCourse(courseFrom(fd));
      return "/formations?vue=catalogue";
    }
    await c.training.updateCourse({ id, ...courseFrom(fd), active: fd.get("active") === "on" });
    return `/formations/cours/${id}?enregistre=1`;
  });
}

export async function removeMaterialAction(courseId: string, id: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.training.removeMaterial({ id });
    return `/formations/cours/${courseId}`;
  });
}

export async function registerAction(sessionId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.training.register({ sessionId, userId: formText(fd, "userId") || undefined });
    return `/formations/${sessionId}?inscrit=1`;
  });
}

export async function cancelRegistrationAction(
  sessionId: string,
  registrationId: string,
  _: FormState,
  fd: FormData,
) {
  return runThenRedirect(fd, async (c) => {
    await c.training.cancelRegistration({ registrationId });
    return `/formations/${sessionId}`;
  });
}

export async function cancelSessionAction(id: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => (await c.training.cancelSession({ id }), `/formations/${id}`));
}

export async function checkInAction(sessionId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.training.checkIn({ sessionId, code: formText(fd, "code") });
    return `/formations/${sessionId}?present=1`;
  });
}

export async function surveyAction(sessionId: string, registrationId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.training.answerSurvey({
      registrationId,
      ratings: {
        content: num(fd, "ratings.content"),
        trainer: num(fd, "ratings.trainer"),
        organisation: num(fd, "ratings.organisation"),
        usefulness: num(fd, "ratings.usefulness"),
      },
      comment: formText(fd, "comment"),
    });
    return `/formations/${sessionId}?avis=1`;
  });
}

/** One tap on the trainer's sheet: present, absent or excused. */
export async function markAction(
  slotId: string,
  registrationId: string,
  status: "present" | "absent" | "excused",
): Promise<void> {
  const c = await api();
  await c.training.mark({ slotId, registrationId, status }).catch(() => undefined);
  revalidatePath(`/formations`, "layout");
}

export async function signSheetAction(sessionId: string, slotId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.training.signSheet({ slotId });
    return `/formations/${sessionId}/feuille/${slotId}`;
  });
}
