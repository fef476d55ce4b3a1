// The page behind a single-use e-mail link (invitation or password reset): choose a password.
import { getTranslations } from "next-intl/server";
import { describeToken } from "@mutuo/core/identity";
import { ActionForm, Field, Submit } from "../../components/form.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { authDeps } from "../../server/api.ts";
import { setPasswordAction } from "./actions.ts";

export async function TokenPasswordPage({
  token,
  kind,
}: {
  token: string;
  kind: "invitation" | "password_reset";
}) {
  const t = await getTranslations("auth");
  const title = t(kind === "invitation" ? "invitationTitle" : "resetTitle");
  const person = await describeToken(await authDeps(), token, kind).catch(() => null);
  if (!person) return <PageTitle lead={t("linkInvalid")}>{title}</PageTitle>;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle
        lead={
          kind === "invitation" ? t("invitationLead", { name: person.name, email: person.email }) : undefined
        }
      >
        {title}
      </PageTitle>
      <ActionForm action={setPasswordAction.bind(null, kind)}>
        <input type="hidden" name="token" value={token} />
        <Field
          name="password"
          label={t("newPassword")}
          type="password"
          required
          autoComplete="new-password"
          hint={t("passwordHint")}
        />
        <Field
          name="confirm"
          label={t("confirmPassword")}
          type="password"
          required
          autoComplete="new-password"
        />
        <Submit>{t("setPassword")}</Submit>
      </ActionForm>
    </div>
  );
}
