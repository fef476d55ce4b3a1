"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, Submit } from "../../../components/form.tsx";
import { addBudgetCodeAction } from "../actions.ts";

type Option = { value: string; label: string };

/** A budget coding rule; prefilled from an existing one when it is changed from a later year. */
export function BudgetCodeForm({
  services,
  lineKinds,
  bodyKinds,
  defaults,
}: {
  services: Option[];
  lineKinds: Option[];
  bodyKinds: Option[];
  defaults: Partial<Record<string, string>>;
}) {
  const t = useTranslations("billing");
  return (
    <ActionForm action={addBudgetCodeAction}>
      <SelectField
        name="serviceId"
        label={t("fields.serviceId")}
        options={[{ value: "", label: t("allServices") }, ...services]}
        defaultValue={defaults.serviceId ?? ""}
      />
      <SelectField
        name="lineKind"
        label={t("fields.lineKind")}
        options={lineKinds}
        defaultValue={defaults.lineKind}
        required
      />
      <SelectField
        name="bodyKind"
        label={t("fields.bodyKind")}
        options={bodyKinds}
        defaultValue={defaults.bodyKind}
        required
      />
      <Field
        name="fromYear"
        label={t("fields.fromYear")}
        inputMode="numeric"
        defaultValue={defaults.fromYear}
        required
      />
      <Field name="chapter" label={t("fields.chapter")} defaultValue={defaults.chapter} required />
      <Field name="article" label={t("fields.article")} defaultValue={defaults.article} required />
      <Field name="function" label={t("fields.function")} defaultValue={defaults.function} required />
      <Submit>{t("saveBudgetCode")}</Submit>
    </ActionForm>
  );
}
