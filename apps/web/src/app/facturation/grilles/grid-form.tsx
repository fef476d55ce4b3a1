"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, Submit, TextAreaField } from "../../../components/form.tsx";
import { createGridAction } from "../actions.ts";

export function GridForm({ services }: { services: { value: string; label: string }[] }) {
  const t = useTranslations("billing");
  return (
    <ActionForm action={createGridAction}>
      <SelectField name="serviceId" label={t("fields.serviceId")} options={services} required />
      <Field name="label" label={t("fields.label")} required />
      <Field name="validFrom" label={t("fields.validFrom")} type="date" required />
      <Field name="validTo" label={t("fields.validTo")} type="date" />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="free" /> {t("fields.free")}
      </label>
      <SelectField
        name="subscriptionMode"
        label={t("fields.subscriptionMode")}
        options={(["flat", "bracket", "per_inhabitant", "none"] as const).map((m) => ({
          value: m,
          label: t(`modes.${m}`),
        }))}
      />
      <Field
        name="subscriptionPrice"
        label={t("fields.subscriptionPrice")}
        hint={t("subscriptionPriceHint")}
      />
      <TextAreaField name="subscription" label={t("fields.subscription")} hint={t("bracketsHint")} />
      <Field name="initialisationCents" label={t("fields.initialisationCents")} />
      <Field name="trainingDayCents" label={t("fields.trainingDayCents")} />
      <Field name="trainingSessionCents" label={t("fields.trainingSessionCents")} />
      <Field name="trainingParticipantCents" label={t("fields.trainingParticipantCents")} />
      <Field name="lateCancellationCents" label={t("fields.lateCancellationCents")} />
      <Field name="migrationPrice" label={t("fields.migrationPrice")} />
      <Field name="technician" label={t("fields.technician")} />
      <Field name="engineer" label={t("fields.engineer")} />
      <Field name="project_manager" label={t("fields.project_manager")} />
      <Submit>{t("saveGrid")}</Submit>
    </ActionForm>
  );
}
