import { getTranslations } from "next-intl/server";
import { describeToken } from "@mutuo/core/identity";
import { ActionForm, Field, Submit } from "../../../components/form.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { authDeps } from "../../../server/api.ts";
import { setPasswordAction } from "../../connexion/actions.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("resetTitle") };
}

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const person = await describeToken(await authDeps(), token, "password_reset").catch(() => null);
  if (!person) return <PageTitle lead={t("linkInvalid")}>{t("resetTitle")}</PageTitle>;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("resetTitle")}</PageTitle>
      <ActionForm action={setPasswordAction.bind(null, "password_reset")}>
        <input type="hidden" name="token" value={token} />
        <Field name="password" label={t("newPassword")} type="password" required autoComplete="new-password" hint={t("passwordHint")} />
        <Field name="confirm" label={t("confirmPassword")} type="password" required autoComplete="new-password" />
        <Submit>{t("setPassword")}</Submit>
      </ActionForm>
    </div>
  );
}
