import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm, Field, Submit } from "../../components/form.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { env } from "../../env.ts";
import { NEXT_PARAM, safeNextPath } from "../../lib/next-path.ts";
import { currentActor } from "../../server/session.ts";
import { signInAction } from "./actions.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNextPath(params[NEXT_PARAM]);
  if (await currentActor()) redirect(next ?? "/");
  const t = await getTranslations("auth");
  const oidc = env().oidc;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("signInTitle")}</PageTitle>
      {params["mot-de-passe"] === "ok" ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-4 py-3 text-green-900">
          {t("passwordSet")}
        </p>
      ) : null}
      {params.erreur ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 px-4 py-3 text-red-900">
          {t.has(`oidcErrors.${params.erreur}`) ? t(`oidcErrors.${params.erreur}`) : t("oidcErrors.generic")}
        </p>
      ) : null}
      {next ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-slate-900"
        >
          {t("signInToContinue")}
        </p>
      ) : null}
      <ActionForm action={signInAction}>
        {next ? <input type="hidden" name={NEXT_PARAM} value={next} /> : null}
        <Field name="email" label={t("email")} type="email" required autoComplete="username" />
        <Field
          name="password"
          label={t("password")}
          type="password"
          required
          autoComplete="current-password"
        />
        <Submit>{t("signIn")}</Submit>
      </ActionForm>
      <p className="mt-4">
        <Link href="/mot-de-passe-oublie">{t("forgot")}</Link>
      </p>
      {oidc ? (
        <div className="mt-8 border-t border-slate-200 pt-6">
          <a
            href={`/api/auth/oidc/login${next ? `?${NEXT_PARAM}=${encodeURIComponent(next)}` : ""}`}
            className="inline-block rounded-md border border-brand-700 px-4 py-2 font-medium text-brand-800 no-underline hover:bg-brand-50"
          >
            {t("oidc", { provider: oidc.label })}
          </a>
        </div>
      ) : null}
    </div>
  );
}
