"use server";
import { revalidatePath } from "next/cache";
import { formValues, type FormState } from "../../../lib/form-state.ts";
import { api } from "../../../server/api.ts";
import { toFormState } from "../../../server/form-errors.ts";
import { roleOf } from "./options.ts";

export async function inviteAction(_: FormState, fd: FormData): Promise<FormState> {
  const values = formValues(fd);
  try {
    const role = roleOf(fd);
    const bodyId = String(fd.get("bodyId") ?? "");
    await (
      await api()
    ).people.invite({
      email: String(fd.get("email") ?? ""),
      name: String(fd.get("name") ?? ""),
      role,
      bodyIds: role === "agent" && bodyId ? [bodyId] : [],
      locale: fd.get("locale") === "en" ? "en" : "fr",
    });
  } catch (e) {
    return toFormState(e, values);
  }
  revalidatePath("/admin/personnes");
  return { ok: true };
}

export async function resendAction(fd: FormData): Promise<void> {
  await (await api()).people.resendInvitation({ userId: String(fd.get("userId")) });
  revalidatePath(`/admin/personnes/${String(fd.get("userId"))}`);
}

export async function anonymiseAction(_: FormState, fd: FormData): Promise<FormState> {
  try {
    await (await api()).people.anonymise({ userId: String(fd.get("userId")) });
  } catch (e) {
    return toFormState(e, {});
  }
  revalidatePath(`/admin/personnes/${String(fd.get("userId"))}`);
  return { ok: true };
}

export async function updateAction(userId: string, _: FormState, fd: FormData): Promise<FormState> {
  const bodyIds = fd.getAll("bodyIds").map(String);
  const values = { ...formValues(fd), bodyIds: bodyIds.join("\n"), active: fd.get("active") ? "on" : "" };
  try {
    await (
      await api()
    ).people.update({
      userId,
      name: String(fd.get("name") ?? ""),
      phone: String(fd.get("phone") ?? "").trim() || null,
      role: roleOf(fd),
      bodyIds,
      active: fd.get("active") === "on",
    });
  } catch (e) {
    return toFormState(e, values);
  }
  revalidatePath(`/admin/personnes/${userId}`);
  return { ok: true };
}

/** An administrator resets another person's second factor, after ticking the confirmation. */
export async function resetSecondFactorAction(
  userId: string,
  _: FormState,
  fd: FormData,
): Promise<FormState> {
  if (fd.get("confirm") !== "on")
    return toFormState(
      Object.assign(new Error(), { issues: [{ path: ["confirm"], message: "confirm_required" }] }),
      {},
    );
  try {
    await (await api()).people.resetSecondFactor({ userId });
  } catch (e) {
    return toFormState(e, {});
  }
  revalidatePath(`/admin/personnes/${userId}`);
  return { ok: true };
}
