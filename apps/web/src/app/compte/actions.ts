"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changePassword, disableTotp } from "@mutuo/core/identity";
import { formValues, type FormState } from "../../lib/form-state.ts";
import { api, authDeps } from "../../server/api.ts";
import { toFormState } from "../../server/form-errors.ts";
import { clearSessionCookie, currentSession, requireActorOrRedirect } from "../../server/session.ts";

export async function switchBodyAction(fd: FormData): Promise<void> {
  const bodyId = String(fd.get("bodyId") ?? "");
  await (await api()).me.setActiveBody({ bodyId: bodyId || null });
  revalidatePath("/", "layout");
}

export async function changePasswordAction(_: FormState, fd: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) redirect("/connexion");
  if (String(fd.get("password")) !== String(fd.get("confirm")))
    return toFormState(
      Object.assign(new Error(), { issues: [{ path: ["confirm"], message: "mismatch" }] }),
      {},
    );
  try {
    await changePassword(
      await authDeps(),
      session,
      String(fd.get("currentPassword") ?? ""),
      String(fd.get("password") ?? ""),
    );
  } catch (e) {
    return toFormState(e, {});
  }
  return { ok: true };
}

export async function revokeSessionAction(fd: FormData): Promise<void> {
  await (await api()).me.revokeSession({ sessionId: String(fd.get("sessionId") ?? "") });
  revalidatePath("/compte");
}

export async function signOutEverywhereAction(): Promise<void> {
  const caller = await api();
  await caller.me.revokeOtherSessions();
  const session = await currentSession();
  if (session) await caller.me.revokeSession({ sessionId: session.id });
  await clearSessionCookie();
  revalidatePath("/", "layout");
  redirect("/connexion");
}

export async function disableTotpAction(_: FormState, fd: FormData): Promise<FormState> {
  const actor = await requireActorOrRedirect();
  try {
    await disableTotp(await authDeps(), actor, String(fd.get("code") ?? ""));
  } catch (e) {
    return toFormState(e, formValues(fd));
  }
  revalidatePath("/compte");
  return { ok: true };
}

/** New recovery codes, shown once by the page (no revalidation: it would hide them). */
export async function regenerateRecoveryCodesAction(_: FormState): Promise<FormState> {
  try {
    return { ok: true, data: { recoveryCodes: await (await api()).me.regenerateRecoveryCodes() } };
  } catch (e) {
    return toFormState(e, {});
  }
}

export async function notificationPrefsAction(_: FormState, fd: FormData): Promise<FormState> {
  const on = (k: string) => fd.get(k) === "on";
  try {
    await (
      await api()
    ).me.setNotificationPrefs({
      locale: fd.get("locale") === "en" ? "en" : "fr",
      categories: {
        new_tickets: on("new_tickets"),
        ticket_updates: on("ticket_updates"),
        assignments: on("assignments"),
        sla_alerts: on("sla_alerts"),
        convention_alerts: on("convention_alerts"),
        daily_digest: on("daily_digest"),
      },
    });
  } catch (e) {
    return toFormState(e, formValues(fd));
  }
  revalidatePath("/compte");
  return { ok: true };
}
