"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formValues, type FormState } from "../../lib/form-state.ts";
import { termsFrom } from "../../lib/terms-form.ts";
import { api } from "../../server/api.ts";
import { toFormState } from "../../server/form-errors.ts";

const text = (fd: FormData, k: string) => String(fd.get(k) ?? "").trim();

export async function saveServiceAction(id: string | null, _: FormState, fd: FormData): Promise<FormState> {
  const service = { code: text(fd, "code"), name: text(fd, "name"), description: text(fd, "description"), active: fd.get("active") === "on", lendsEquipment: fd.get("lendsEquipment") === "on" };
  let target: string;
  try {
    const c = await api();
    target = `/catalogue/${(id ? await c.catalogue.update({ id, service }) : await c.catalogue.create(service)).id}`;
  } catch (e) {
    return toFormState(e, formValues(fd));
  }
  revalidatePath("/", "layout");
  redirect(target);
}

export async function setDefaultTermsAction(serviceId: string, _: FormState, fd: FormData): Promise<FormState> {
  try {
    await (await api()).catalogue.setDefaultTerms({ serviceId, terms: termsFrom(fd) });
  } catch (e) {
    return toFormState(e, formValues(fd));
  }
  revalidatePath("/", "layout");
  redirect(`/catalogue/${serviceId}`);
}
