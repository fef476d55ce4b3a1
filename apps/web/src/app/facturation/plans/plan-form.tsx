"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, Submit } from "../../../components/form.tsx";
import { createPlanAction } from "../actions.ts";

export function PlanForm({ bodies }: { bodies: { value: string; label: string }[] }) {
  const t = useTranslations("billing");
  return (
    <ActionForm action={createPlanAction}>
      <Field name="name" label={t("fields.name")} required />
      <Field name="deliberationRef" label={t("fields.deliberationRef")} />
      <Field name="globalCostCents" label={t("fields.globalCostCents")} required />
      <Field name="periodFrom" label={t("fields.periodFrom")} type="date" required />
      <Field name="periodTo" label={t("fields.periodTo")} type="date" required />
      <Field name="populationYear" label={t("fields.populationYear")} inputMode="numeric" required />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="equalGroups" defaultChecked /> {t("fields.equalGroups")}
      </label>
      <Field name="commune" label={t("fields.communeRate")} defaultValue="50" />
      <Field name="ccas" label={t("fields.ccasRate")} defaultValue="80" />
      <SelectField name="memberIds" label={t("fields.memberIds")} options={bodies} multiple />
      <Submit>{t("savePlan")}</Submit>
    </ActionForm>
  );
}
