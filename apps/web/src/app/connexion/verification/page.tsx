import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm, Field, Submit } from "../../../components/form.tsx";
import { NEXT_PARAM, safeNextPath, signInPath } from "../../../lib/next-path.ts";
import { PageTitle } from "../../../components/page-title.tsx";
import { currentSession } from "../../../server/session.ts";
import { verifyAction } from "../actions.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("mfaTitle") };
}

export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const next = safeNextPath((await searchParams)[NEXT_PARAM]);
  const session = await currentSession();
  if (!session) redirect("/connexion");
  if (!session.totpEnrolled) redirect(signInPath(next, "/connexion/double-facteur"));
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("mfaLead")}>{t("mfaTitle")}</PageTitle>
      <ActionForm action={verifyAction}>
        {next ? <input type="hidden" name={NEXT_PARAM} value={next} /> : null}
        <Field
          name="code"
          label={t("codeOrRecovery")}
          hint={t("recoveryHint")}
          required
          autoComplete="one-time-code"
          maxLength={20}
        />
        <Submit>{t("verify")}</Submit>
      </ActionForm>
    </div>
  );
}
