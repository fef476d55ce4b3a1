"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, Submit, TextAreaField } from "../../../components/form.tsx";
import type { FormState } from "../../../lib/form-state.ts";
import { createGridAction } from "../actions.ts";

/** The values a grid form starts from (the version a next one is made from), as typed in the form. */
export type GridDefaults = { values: Partial<Record<string, string>>; free: boolean };

export function GridForm({
  services,
  defaults = { values: {}, free: false },
  action = createGridAction,
  submitLabel,
}: {
  services: { value: string; label: string }[];
  defaults?: GridDefaults;
  action?: (state: FormState, fd: FormData) => Promise<FormState>;
  submitLabel?: string;
}) {
  const t = useTranslations("billing");
  const d = (k: string) => defaults.values[k];
  return (
    <ActionForm action={action}>
      <SelectField
        name="serviceId"
        label={t("fields.serviceId")}
        options={services}
        defaultValue={d("serviceId")}
        required
      />
      <Field name="label" label={t("fields.label")} defaultValue={d("label")} required />
      <Field
        name="validFrom"
        label={t("fields.validFrom")}
        type="date"
        defaultValue={d("validFrom")}
        required
      />
      <Field name="validTo" label={t("fields.validTo")} type="date" defaultValue={d("validTo")} />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="free" defaultChecked={defaults.free} /> {t("fields.free")}
      </label>
      <SelectField
        name="subscriptionMode"
        label={t("fields.subscriptionMode")}
        defaultValue={d("subscriptionMode")}
        options={(["flat", "bracket", "per_inhabitant", "none"] as const).map((m) => ({
          value: m,
          label: t(`modes.${m}`),
        }))}
      />
      <Field
        name="subscriptionPrice"
        label={t("fields.subscriptionPrice")}
        hint={t("subscriptionPriceHint")}
        defaultValue={d("subscriptionPrice")}
      />
      <TextAreaField
        name="subscription"
        label={t("fields.subscription")}
        hint={t("bracketsHint")}
        defaultValue={d("subscription")}
      />
      {(
        [
          "initialisationCents",
          "trainingDayCents",
          "trainingSessionCents",
          "trainingParticipantCents",
          "lateCancellationCents",
          "migrationPrice",
        ] as const
      ).map((k) => (
        <Field key={k} name={k} label={t(`fields.${k}`)} defaultValue={d(k)} />
      ))}
      <TextAreaField
        name="migrationBands"
        label={t("fields.migrationBands")}
        hint={t("bandsHint")}
        defaultValue={d("migrationBands")}
        rows={3}
      />
      {(["technician", "engineer", "project_manager"] as const).map((k) => (
        <Field key={k} name={k} label={t(`fields.${k}`)} defaultValue={d(k)} />
      ))}
      <Submit>{submitLabel ?? t("saveGrid")}</Submit>
    </ActionForm>
  );
}
