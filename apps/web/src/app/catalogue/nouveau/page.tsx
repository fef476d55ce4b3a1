import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { requireRoleOrNotFound } from "../../../server/session.ts";
import { saveServiceAction } from "../actions.ts";
import { ServiceForm } from "../service-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("catalogue");
  return { title: t("new") };
}

export default async function NewServicePage() {
  await requireRoleOrNotFound("manager", "admin");
  const t = await getTranslations("catalogue");
  return (
    <>
      <PageTitle>{t("new")}</PageTitle>
      <ServiceForm action={saveServiceAction.bind(null, null)} defaults={{}} submit={t("create")} />
    </>
  );
}
