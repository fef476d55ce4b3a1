import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { startTotpEnrolment } from "@mutuo/core/identity";
import { ActionForm, Field, Submit } from "../../../components/form.tsx";
import { NEXT_PARAM, safeNextPath } from "../../../lib/next-path.ts";
import { PageTitle } from "../../../components/page-title.tsx";
import { RecoveryCodesOnce } from "../../../components/recovery-codes.tsx";
import { RECOVERY_CODE_COUNT } from "@mutuo/core/identity";
import { authDeps } from "../../../server/api.ts";
import { currentSession } from "../../../server/session.ts";
import { enrolAction } from "../actions.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("enrolTitle") };
}

export default async function EnrolPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const next = safeNextPath((await searchParams)[NEXT_PARAM]);
  const session = await currentSession();
  if (!session) redirect("/connexion");
  if (session.totpEnrolled) redirect(session.mfaVerified ? "/compte" : "/connexion/verification");
  const t = await getTranslations("auth");
  const { secret, uri } = await startTotpEnrolment(await authDeps(), session);
  const qr = await QRCode.toDataURL(uri, { margin: 1, width: 200 });
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={session.actor.role === "admin" ? t("enrolRequired") : t("enrolLead")}>
        {t("enrolTitle")}
      </PageTitle>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server */}
      <img
        src={qr}
        alt={t("qrAlt")}
        width={200}
        height={200}
        className="mb-4 rounded border border-slate-200"
      />
      <p className="mb-4">
        {t("secretLabel")}{" "}
        <code data-testid="totp-secret" className="break-all rounded bg-slate-100 px-2 py-1">
          {secret}
        </code>
      </p>
      <ActionForm action={enrolAction}>
        <RecoveryCodesOnce
          title={t("recoveryTitle")}
          lead={t("recoveryLead", { count: RECOVERY_CODE_COUNT })}
          continueLabel={t("continue")}
          continueHref={session.mfaVerified ? "/compte" : (next ?? "/")}
        >
          <Field
            name="code"
            label={t("code")}
            required
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
          />
          <Submit>{t("enrolConfirm")}</Submit>
        </RecoveryCodesOnce>
      </ActionForm>
    </div>
  );
}
