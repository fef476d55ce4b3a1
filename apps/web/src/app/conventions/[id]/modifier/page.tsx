import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../../components/page-title.tsx";
import { api } from "../../../../server/api.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { saveConventionAction } from "../../actions.ts";
import { ConventionForm } from "../../convention-form.tsx";
import { bodyChoices } from "../../options.ts";
import { uuidOrNotFound } from "../../../../lib/ids.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("conventions");
  const c = await (await api()).conventions.get({ id: (await params).id }).catch(() => null);
  return { title: c ? `${t("edit")} · ${c.number}` : t("title") };
}

export default async function EditConventionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireActorOrRedirect();
  const { id } = await params;
  uuidOrNotFound(id);
  const t = await getTranslations("conventions");
  const caller = await api();
  const c = await caller.conventions.get({ id }).catch(() => null);
  if (!c || !c.actions.includes("editHeader")) notFound();
  const { bodies, communes } = await bodyChoices(caller);
  return (
    <>
      <PageTitle lead={c.number}>{t("edit")}</PageTitle>
      <ConventionForm
        action={saveConventionAction.bind(null, id)}
        bodies={bodies}
        communes={communes}
        submit={t("save")}
        defaults={{
          title: c.title,
          deliberationRef: c.deliberationRef,
          signatoryBodyId: c.signatoryBodyId,
          communeBodyId: c.communeBodyId,
          startDate: c.startDate,
          endDate: c.endDate,
          renewalRule: c.renewalRule,
          renewalYears: c.renewalYears,
          noticeMonths: c.noticeMonths,
        }}
      />
    </>
  );
}
