"use server";
import { formText, runThenRedirect } from "../../../server/form-action.ts";
import type { FormState } from "../../../lib/form-state.ts";

const fieldsOf = (fd: FormData) => ({
  title: formText(fd, "title"),
  body: formText(fd, "body"),
  shared: fd.get("shared") === "on",
});

export async function createCannedAction(_: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => (await c.cannedReplies.create(fieldsOf(fd)), "/tickets/reponses-types"),
  );
}

export async function updateCannedAction(id: string, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => (await c.cannedReplies.update({ id, ...fieldsOf(fd) }), "/tickets/reponses-types"),
  );
}

export async function deleteCannedAction(id: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => (await c.cannedReplies.remove({ id }), "/tickets/reponses-types"));
}
