import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ActionForm, Field, SelectField, Submit } from "../../../components/form.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { createJobAction } from "../actions.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("migrations");
  return { title: t("new") };
}

export default async function NewMigrationPage() {
  const actor = await requireActorOrRedirect();
  if (actor.role === "agent") notFound();
  const t = await getTranslations("migrations");
  const options = await (await api()).migrations.formOptions();
  return (
    <>
      <PageTitle>{t("new")}</PageTitle>
      <ActionForm action={createJobAction}>
        <SelectField
          name="bodyId"
          label={t("body")}
          required
          options={options.bodies.map((b) => ({ value: b.id, label: b.legalName }))}
        />
        <SelectField
          name="template"
          label={t("form.template")}
          required
          options={options.templates.map((x) => ({
            value: `${x.serviceId}:${x.id}`,
            label: `${x.service} — ${x.name}`,
          }))}
        />
        <Field name="title" label={t("form.title")} required />
        <SelectField
          name="ownerId"
          label={t("owner")}
          required
          defaultValue={actor.userId}
          options={options.owners.map((o) => ({ value: o.id, label: o.name }))}
        />
        <Field name="dueOn" label={t("dueOn")} type="date" />
        <SelectField
          name="billingMode"
          label={t("form.billingMode")}
          options={[
            { value: "rows", label: t("form.billingRows") },
            { value: "flat", label: t("form.billingFlat") },
          ]}
        />
        <Field name="flatPriceCents" label={t("form.flatPrice")} type="number" />
        <Submit>{t("form.create")}</Submit>
      </ActionForm>
    </>
  );
}
