import { getTranslations } from "next-intl/server";
import { ActionForm, Field, Submit } from "../../components/form.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { forgotAction } from "../connexion/actions.ts";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("forgotTitle") };
}

export default async function ForgotPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("forgotLead")}>{t("forgotTitle")}</PageTitle>
      <ActionForm action={forgotAction} success={t("forgotSent")}>
        <Field name="email" label={t("email")} type="email" required autoComplete="username" />
        <Submit>{t("forgotSend")}</Submit>
      </ActionForm>
    </div>
  );
}
