// The shape every form's server action shares: call the API, then revalidate and go to the page the
// change returns; on error, give the form back its values and the translated message.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formValues, type FormState } from "../lib/form-state.ts";
import { api } from "./api.ts";
import { toFormState } from "./form-errors.ts";

export type Caller = Awaited<ReturnType<typeof api>>;

/** A trimmed text field of a form ("" when absent). */
export const formText = (fd: FormData, k: string) => String(fd.get(k) ?? "").trim();

export async function runThenRedirect(
  fd: FormData,
  change: (caller: Caller) => Promise<string>,
  omit: string[] = [],
): Promise<FormState> {
  let target: string;
  try {
    target = await change(await api());
  } catch (e) {
    return toFormState(e, formValues(fd, omit));
  }
  revalidatePath("/", "layout");
  redirect(target);
}

/** Like `runThenRedirect`, but stays on the page and tells the form it worked (its `success` shows). */
export async function runThenStay(
  fd: FormData,
  change: (caller: Caller) => Promise<unknown>,
  omit: string[] = [],
): Promise<FormState> {
  try {
    await change(await api());
  } catch (e) {
    return toFormState(e, formValues(fd, omit));
  }
  revalidatePath("/", "layout");
  return { ok: true };
}
