import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageTitle } from "../../../../components/page-title.tsx";
import { uuidOrNotFound } from "../../../../lib/ids.ts";
import { api } from "../../../../server/api.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { TemplateForm } from "../template-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("migrations.templates");
  return { title: t("title") };
}

export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "admin" && actor.role !== "manager") notFound();
  const id = uuidOrNotFound((await params).id);
  const t = await getTranslations("migrations.templates");
  const caller = await api();
  const [templates, services] = await Promise.all([
    caller.migrations.templates({}),
    caller.catalogue.list({ activeOnly: true }),
  ]);
  const template = templates.find((x) => x.id === id);
  if (!template) notFound();
  return (
    <>
      <PageTitle>{t("editTitle", { name: template.name })}</PageTitle>
      <p className="mb-4">
        <Link href="/reprises/modeles" className="underline">
          {t("back")}
        </Link>
      </p>
      <TemplateForm
        template={{ ...template, crossRules: (template.crossRules as { from: string; to: string }[]) ?? [] }}
        services={services}
      />
    </>
  );
}
