import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm, Submit } from "../../../../components/form.tsx";
import { PageTitle } from "../../../../components/page-title.tsx";
import { TermsEditor } from "../../../../components/terms-editor.tsx";
import { termsDefaults } from "../../../../components/terms-table.tsx";
import { api } from "../../../../server/api.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { saveServiceAction, setDefaultTermsAction } from "../../actions.ts";
import { ServiceForm } from "../../service-form.tsx";
import { uuidOrNotFound } from "../../../../lib/ids.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("catalogue");
  const s = await (await api()).catalogue.get({ id: (await params).id }).catch(() => null);
  return { title: s ? `${t("editShort")} · ${s.name}` : t("title") };
}

export default async function EditServicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "manager" && actor.role !== "admin") notFound();
  const { id } = await params;
  uuidOrNotFound(id);
  const t = await getTranslations("catalogue");
  const caller = await api();
  const s = await caller.catalogue.get({ id }).catch(() => null);
  if (!s) notFound();
  const [calendars, alerts] = await Promise.all([caller.calendars.list(), caller.catalogue.alerts({ id })]);
  return (
    <>
      <PageTitle>{s.name}</PageTitle>
      <ServiceForm
        action={saveServiceAction.bind(null, id)}
        defaults={s}
        submit={t("save")}
        alerts={alerts}
      />
      <h2 className="mb-3 mt-10 text-xl font-semibold">{t("defaultTerms")}</h2>
      <ActionForm action={setDefaultTermsAction.bind(null, id)} className="flex max-w-4xl flex-col gap-4">
        <TermsEditor calendars={calendars} defaults={termsDefaults(s.defaultTerms)} />
        <Submit>{t("saveTerms")}</Submit>
      </ActionForm>
    </>
  );
}
