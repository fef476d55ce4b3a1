import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageTitle } from "../../../../components/page-title.tsx";
import { api } from "../../../../server/api.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { TemplateForm } from "../template-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("migrations.templates");
  return { title: t("newTitle") };
}

export default async function NewTemplatePage() {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "admin" && actor.role !== "manager") notFound();
  const t = await getTranslations("migrations.templates");
  const services = await (await api()).catalogue.list({ activeOnly: true });
  return (
    <>
      <PageTitle>{t("newTitle")}</PageTitle>
      <p className="mb-4">
        <Link href="/reprises/modeles" className="underline">
          {t("back")}
        </Link>
      </p>
      <TemplateForm template={null} services={services} />
    </>
  );
}
