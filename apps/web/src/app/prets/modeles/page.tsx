import { getTranslations } from "next-intl/server";
import { ActionForm, Submit, TextAreaField } from "../../../components/form.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { api } from "../../../server/api.ts";
import { requireStaffOrNotFound } from "../../../server/session.ts";
import { saveTemplateAction } from "../actions.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("loans");
  return { title: t("templates") };
}

export default async function TestTemplatesPage() {
  await requireStaffOrNotFound();
  const t = await getTranslations("loans");
  const templates = await (await api()).loans.templates();
  return (
    <>
      <PageTitle lead={t("templatesLead")}>{t("templates")}</PageTitle>
      <div className="grid gap-6 md:grid-cols-2">
        {templates.map((k) => (
          <ActionForm
            key={k.kindId}
            action={saveTemplateAction.bind(null, k.kindId)}
            className="flex flex-col gap-2"
          >
            <TextAreaField
              name={`tests-${k.kindId}`}
              label={t("testsOf", { kind: k.label })}
              hint={t("oneTestPerLine")}
              defaultValue={k.tests.join("\n")}
              rows={5}
            />
            <Submit>{t("save")}</Submit>
          </ActionForm>
        ))}
      </div>
    </>
  );
}
