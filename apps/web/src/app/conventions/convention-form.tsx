"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, Submit } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";

export interface ConventionDefaults {
  title?: string;
  deliberationRef?: string;
  signatoryBodyId?: string;
  communeBodyId?: string | null;
  startDate?: string;
  endDate?: string | null;
  renewalRule?: string;
  renewalYears?: number | null;
  noticeMonths?: number;
}

export function ConventionForm({
  action,
  bodies,
  communes,
  defaults,
  submit,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  bodies: { id: string; legalName: string }[];
  communes: { id: string; legalName: string }[];
  defaults: ConventionDefaults;
  submit: string;
}) {
  const t = useTranslations("conventions");
  return (
    <ActionForm action={action}>
      <Field name="title" label={t("fieldTitle")} required defaultValue={defaults.title} />
      <Field
        name="deliberationRef"
        label={t("deliberationRef")}
        required
        hint={t("deliberationHint")}
        defaultValue={defaults.deliberationRef}
      />
      <SelectField
        name="signatoryBodyId"
        label={t("signatory")}
        required
        defaultValue={defaults.signatoryBodyId ?? ""}
        options={[{ value: "", label: "—" }, ...bodies.map((b) => ({ value: b.id, label: b.legalName }))]}
      />
      <SelectField
        name="communeBodyId"
        label={t("commune")}
        defaultValue={defaults.communeBodyId ?? ""}
        options={[
          { value: "", label: t("communeAuto") },
          ...communes.map((b) => ({ value: b.id, label: b.legalName })),
        ]}
      />
      <Field name="startDate" label={t("startDate")} type="date" required defaultValue={defaults.startDate} />
      <Field name="endDate" label={t("endDate")} type="date" defaultValue={defaults.endDate ?? ""} />
      <SelectField
        name="renewalRule"
        label={t("renewalRule")}
        defaultValue={defaults.renewalRule ?? "none"}
        options={["none", "tacit", "explicit"].map((r) => ({ value: r, label: t(`renewal.${r}`) }))}
      />
      <Field
        name="renewalYears"
        label={t("renewalYears")}
        inputMode="numeric"
        defaultValue={defaults.renewalYears ? String(defaults.renewalYears) : ""}
      />
      <Field
        name="noticeMonths"
        label={t("noticeMonths")}
        inputMode="numeric"
        defaultValue={String(defaults.noticeMonths ?? 4)}
      />
      <Submit>{submit}</Submit>
    </ActionForm>
  );
}
