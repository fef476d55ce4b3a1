"use server";
import { revalidatePath } from "next/cache";
import { formValues, type FormState } from "../../../lib/form-state.ts";
import { api } from "../../../server/api.ts";
import { toFormState } from "../../../server/form-errors.ts";

export async function updateRetentionAction(_: FormState, fd: FormData): Promise<FormState> {
  const values = formValues(fd);
  const raw = String(fd.get("declarantMonths") ?? "").trim();
  try {
    await (await api()).retention.update({ declarantMonths: raw === "" ? Number.NaN : Number(raw) });
  } catch (e) {
    return toFormState(e, values);
  }
  revalidatePath("/admin/conservation");
  return { ok: true };
}
