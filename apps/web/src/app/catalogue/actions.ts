"use server";
import { formText, runThenRedirect } from "../../server/form-action.ts";
import type { FormState } from "../../lib/form-state.ts";
import { termsFrom } from "../../lib/terms-form.ts";

export async function saveServiceAction(id: string | null, _: FormState, fd: FormData): Promise<FormState> {
  const service = {
    code: formText(fd, "code"),
    name: formText(fd, "name"),
    description: formText(fd, "description"),
    active: fd.get("active") === "on",
    lendsEquipment: fd.get("lendsEquipment") === "on",
    // The alert fields are on the edit form only.
    ...(fd.has("alertEmail")
      ? { alertEmail: formText(fd, "alertEmail"), alertUserIds: fd.getAll("alertUserIds").map(String) }
      : {}),
  };
  return runThenRedirect(
    fd,
    async (c) =>
      `/catalogue/${(id ? await c.catalogue.update({ id, service }) : await c.catalogue.create(service)).id}`,
  );
}

export async function setDefaultTermsAction(
  serviceId: string,
  _: FormState,
  fd: FormData,
): Promise<FormState> {
  return runThenRedirect(
    fd,
    async (c) => (
      await c.catalogue.setDefaultTerms({ serviceId, terms: termsFrom(fd) }),
      `/catalogue/${serviceId}`
    ),
  );
}
