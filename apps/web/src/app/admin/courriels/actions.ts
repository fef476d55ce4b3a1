"use server";
import { revalidatePath } from "next/cache";
import type { FormState } from "../../../lib/form-state.ts";
import { api } from "../../../server/api.ts";
import { toFormState } from "../../../server/form-errors.ts";

export async function retryAction(id: string, _: FormState): Promise<FormState> {
  try {
    await (await api()).mailbox.retry({ id });
  } catch (e) {
    return toFormState(e, {});
  }
  revalidatePath("/admin/courriels", "layout");
  return { ok: true };
}

export async function retryAllAction(_: FormState): Promise<FormState> {
  try {
    await (await api()).mailbox.retryAllFailed();
  } catch (e) {
    return toFormState(e, {});
  }
  revalidatePath("/admin/courriels", "layout");
  return { ok: true };
}

export async function testConfigurationAction(_: FormState): Promise<FormState> {
  try {
    await (await api()).mailbox.testConfiguration();
  } catch (e) {
    return toFormState(e, {});
  }
  revalidatePath("/admin/courriels");
  return { ok: true };
}
