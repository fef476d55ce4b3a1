"use server";
// Sign-in flows. These run before a full session exists, so they call the identity services
// directly (never touching another person's data) and manage the session cookie.
import { revalidatePath } from "next/cache";
import { redirect as nextRedirect } from "next/navigation";
import {
  confirmTotpEnrolment,
  requestPasswordReset,
  revokeSession,
  setPasswordWithToken,
  signIn,
  verifySecondFactor,
} from "@mutuo/core/identity";
import { formValues, type FormState } from "../../lib/form-state.ts";
import { NEXT_PARAM, safeNextPath, signInPath } from "../../lib/next-path.ts";
import { authDeps } from "../../server/api.ts";
import { db } from "../../server/db.ts";
import { toFormState } from "../../server/form-errors.ts";
import { clearSessionCookie, clientInfo, currentSession, setSessionCookie } from "../../server/session.ts";

/** Redirects after refreshing every layout: the header shows who is signed in. */
function redirect(path: string): never {
  revalidatePath("/", "layout");
  nextRedirect(path);
}

const nextPage = {
  home: "/",
  mfa: "/connexion/verification",
  "enrol-mfa": "/connexion/double-facteur",
} as const;

export async function signInAction(_: FormState, fd: FormData): Promise<FormState> {
  const values = formValues(fd, ["password"]);
  let target: string;
  try {
    const result = await signIn(
      await authDeps(),
      { email: String(fd.get("email") ?? ""), password: String(fd.get("password") ?? "") },
      await clientInfo(),
    );
    await setSessionCookie(result.token, result.expiresAt);
    const next = safeNextPath(fd.get(NEXT_PARAM));
    target = result.next === "home" ? (next ?? "/") : signInPath(next, nextPage[result.next]);
  } catch (e) {
    return toFormState(e, values);
  }
  redirect(target);
}

export async function verifyAction(_: FormState, fd: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) redirect("/connexion");
  try {
    await verifySecondFactor(await authDeps(), session, String(fd.get("code") ?? ""), await clientInfo());
  } catch (e) {
    return toFormState(e, {});
  }
  redirect(safeNextPath(fd.get(NEXT_PARAM)) ?? "/");
}

/** Confirms enrolment and answers with the recovery codes, which the page shows once (no redirect:
 * re-rendering the enrolment page would send the person away before they read them). */
export async function enrolAction(_: FormState, fd: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) redirect("/connexion");
  try {
    const { recoveryCodes } = await confirmTotpEnrolment(
      await authDeps(),
      session,
      String(fd.get("code") ?? ""),
    );
    return { ok: true, data: { recoveryCodes } };
  } catch (e) {
    return toFormState(e, {});
  }
}

export async function signOutAction(): Promise<void> {
  const session = await currentSession();
  if (session) await revokeSession(db(), session.id, session.userId);
  await clearSessionCookie();
  redirect("/connexion");
}

export async function setPasswordAction(
  kind: "invitation" | "password_reset",
  _: FormState,
  fd: FormData,
): Promise<FormState> {
  const password = String(fd.get("password") ?? "");
  if (password !== String(fd.get("confirm") ?? ""))
    return toFormState(
      Object.assign(new Error(), { issues: [{ path: ["confirm"], message: "mismatch" }] }),
      {},
    );
  let target = "/connexion?mot-de-passe=ok";
  try {
    const session = await setPasswordWithToken(
      await authDeps(),
      String(fd.get("token") ?? ""),
      kind,
      password,
      await clientInfo(),
    );
    // An accepted invitation signs the person in.
    if (session) {
      await setSessionCookie(session.token, session.expiresAt);
      target = nextPage[session.next];
    }
  } catch (e) {
    return toFormState(e, {});
  }
  redirect(target);
}

export async function forgotAction(_: FormState, fd: FormData): Promise<FormState> {
  const values = formValues(fd);
  try {
    await requestPasswordReset(await authDeps(), String(fd.get("email") ?? ""));
  } catch (e) {
    return toFormState(e, values);
  }
  return { ok: true };
}
