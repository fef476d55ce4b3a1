"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, Submit } from "../../../components/form.tsx";
import type { FormState } from "../../../lib/form-state.ts";
import { createPlanAction } from "../actions.ts";

/** A plan as the form types it (the plan being edited). */
export type PlanDefaults = {
  values: Partial<Record<string, string>>;
  memberIds: string[];
  equalGroups: boolean;
};

export function PlanForm({
  bodies,
  services,
  defaults = { values: { commune: "50", ccas: "80" }, memberIds: [], equalGroups: true },
  action = createPlanAction,
  submitLabel,
}: {
  bodies: { value: string; label: string }[];
  services: { value: string; label: string }[];
  defaults?: PlanDefaults;
  action?: (state: FormState, fd: FormData) => Promise<FormState>;
  submitLabel?: string;
}) {
  const t = useTranslations("billing");
  const d = (k: string) => defaults.values[k];
  return (
    <ActionForm action={action}>
      <Field name="name" label={t("fields.name")} defaultValue={d("name")} required />
      <Field name="deliberationRef" label={t("fields.deliberationRef")} defaultValue={d("deliberationRef")} />
      <SelectField
        name="serviceId"
        label={t("fields.planService")}
        options={[{ value: "", label: t("noService") }, ...services]}
        defaultValue={d("serviceId") ?? ""}
      />
      <Field
        name="globalCostCents"
        label={t("fields.globalCostCents")}
        defaultValue={d("globalCostCents")}
        required
      />
      <Field
        name="periodFrom"
        label={t("fields.periodFrom")}
        type="date"
        defaultValue={d("periodFrom")}
        required
      />
      <Field name="periodTo" label={t("fields.periodTo")} type="date" defaultValue={d("periodTo")} required />
      <Field
        name="populationYear"
        label={t("fields.populationYear")}
        inputMode="numeric"
        defaultValue={d("populationYear")}
        required
      />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="equalGroups" defaultChecked={defaults.equalGroups} />{" "}
        {t("fields.equalGroups")}
      </label>
      <Field name="commune" label={t("fields.communeRate")} defaultValue={d("commune")} />
      <Field name="ccas" label={t("fields.ccasRate")} defaultValue={d("ccas")} />
      <Field name="association" label={t("fields.associationRate")} defaultValue={d("association")} />
      <SelectField
        name="memberIds"
        label={t("fields.memberIds")}
        options={bodies}
        defaultValue={defaults.memberIds}
        multiple
      />
      <Submit>{submitLabel ?? t("savePlan")}</Submit>
    </ActionForm>
  );
}
