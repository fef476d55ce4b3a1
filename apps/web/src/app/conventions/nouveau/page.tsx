import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { api } from "../../../server/api.ts";
import { requireRoleOrNotFound } from "../../../server/session.ts";
import { saveConventionAction } from "../actions.ts";
import { ConventionForm } from "../convention-form.tsx";
import { bodyChoices } from "../options.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("conventions");
  return { title: t("new") };
}

export default async function NewConventionPage({
  searchParams,
}: {
  searchParams: Promise<{ organisme?: string }>;
}) {
  await requireRoleOrNotFound("manager", "admin");
  const t = await getTranslations("conventions");
  const { bodies, communes } = await bodyChoices(await api());
  const { organisme } = await searchParams;
  return (
    <>
      <PageTitle lead={t("newLead")}>{t("new")}</PageTitle>
      <ConventionForm
        action={saveConventionAction.bind(null, null)}
        bodies={bodies}
        communes={communes}
        defaults={{ signatoryBodyId: organisme }}
        submit={t("create")}
      />
    </>
  );
}
