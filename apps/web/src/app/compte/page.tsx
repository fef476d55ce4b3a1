import Link from "next/link";
import { RECOVERY_CODE_COUNT } from "@mutuo/core/identity";
import { describeUserAgent } from "../../lib/user-agent.ts";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, Field, Submit } from "../../components/form.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { RecoveryCodesOnce } from "../../components/recovery-codes.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import {
  changePasswordAction,
  disableTotpAction,
  notificationPrefsAction,
  regenerateRecoveryCodesAction,
  revokeSessionAction,
  signOutEverywhereAction,
} from "./actions.ts";
import { PrefsForm } from "./prefs-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  await requireActorOrRedirect();
  const t = await getTranslations();
  const deviceOf = (ua: string | null) => {
    const d = describeUserAgent(ua);
    return d ? t("account.device", d) : t("account.unknownDevice");
  };
  const format = await getFormatter();
  const caller = await api();
  const [me, sessions, prefs] = await Promise.all([
    caller.me.get(),
    caller.me.sessions(),
    caller.me.notificationPrefs(),
  ]);
  const p = me.person;
  const section = "mt-8 rounded-lg border border-slate-200 bg-white p-5";
  return (
    <>
      <PageTitle>{t("account.title")}</PageTitle>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium">{t("fields.name")}</dt>
        <dd>{p.name}</dd>
        <dt className="font-medium">{t("fields.email")}</dt>
        <dd>{p.email}</dd>
        <dt className="font-medium">{t("fields.role")}</dt>
        <dd>{t(`roles.${p.role}`)}</dd>
        <dt className="font-medium">{t("fields.bodyIds")}</dt>
        <dd>{p.bodies.map((b) => b.legalName).join(", ") || "—"}</dd>
      </dl>

      <section aria-labelledby="pwd" className={section}>
        <h2 id="pwd" className="mb-4 text-lg font-semibold">
          {t("account.password")}
        </h2>
        <ActionForm action={changePasswordAction} success={t("account.passwordChanged")}>
          <Field
            name="currentPassword"
            label={t("fields.currentPassword")}
            type="password"
            required
            autoComplete="current-password"
          />
          <Field
            name="password"
            label={t("auth.newPassword")}
            type="password"
            required
            autoComplete="new-password"
            hint={t("auth.passwordHint")}
          />
          <Field
            name="confirm"
            label={t("auth.confirmPassword")}
            type="password"
            required
            autoComplete="new-password"
          />
          <Submit>{t("account.changePassword")}</Submit>
        </ActionForm>
      </section>

      <section aria-labelledby="notifications" className={section}>
        <h2 id="notifications" className="mb-4 text-lg font-semibold">
          {t("account.notifications")}
        </h2>
        <PrefsForm
          action={notificationPrefsAction}
          locale={prefs.locale}
          categories={prefs.categories}
          staff={p.role !== "agent"}
        />
      </section>

      <section aria-labelledby="mfa" className={section}>
        <h2 id="mfa" className="mb-2 text-lg font-semibold">
          {t("account.mfa")}
        </h2>
        {p.totpEnabled ? (
          <>
            <p className="mb-4">{t("account.mfaOn")}</p>
            <p className="mb-2">{t("account.recoveryLeft", { n: me.recoveryCodesLeft })}</p>
            <div className="mb-6">
              <ActionForm action={regenerateRecoveryCodesAction}>
                <RecoveryCodesOnce
                  title={t("auth.recoveryTitle")}
                  lead={t("auth.recoveryLead", { count: RECOVERY_CODE_COUNT })}
                  continueLabel={t("auth.continue")}
                  continueHref="/compte"
                >
                  <p className="text-sm text-slate-700">{t("account.recoveryRegenerateHint")}</p>
                  <Submit>{t("account.recoveryRegenerate")}</Submit>
                </RecoveryCodesOnce>
              </ActionForm>
            </div>
            {p.role !== "admin" ? (
              <ActionForm action={disableTotpAction}>
                <Field
                  name="code"
                  label={t("auth.code")}
                  required
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={7}
                />
                <Submit>{t("account.mfaDisable")}</Submit>
              </ActionForm>
            ) : null}
          </>
        ) : (
          <p>
            {t("account.mfaOff")} <Link href="/connexion/double-facteur">{t("account.mfaEnable")}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="sessions" className={section}>
        <h2 id="sessions" className="mb-4 text-lg font-semibold">
          {t("account.sessions")}
        </h2>
        <ul className="flex flex-col gap-2">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-3">
              <span>
                <span className="font-medium">{deviceOf(s.userAgent)}</span> — {s.ip ?? "?"} —{" "}
                {t("account.lastSeen", {
                  date: format.dateTime(s.lastSeenAt, { dateStyle: "short", timeStyle: "short" }),
                })}
                {s.id === me.currentSessionId ? ` (${t("account.thisSession")})` : ""}
              </span>
              {s.id !== me.currentSessionId ? (
                <form action={revokeSessionAction}>
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button
                    type="submit"
                    className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100"
                  >
                    {t("account.revoke")}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
        <form action={signOutEverywhereAction} className="mt-4">
          <button
            type="submit"
            className="rounded-md border border-red-700 px-3 py-1.5 font-medium text-red-800 hover:bg-red-50"
          >
            {t("account.signOutEverywhere")}
          </button>
        </form>
      </section>

      <section aria-labelledby="data" className={section}>
        <h2 id="data" className="mb-2 text-lg font-semibold">
          {t("account.data")}
        </h2>
        <p>
          <a href="/api/moi/export" download>
            {t("account.export")}
          </a>
        </p>
      </section>
    </>
  );
}
