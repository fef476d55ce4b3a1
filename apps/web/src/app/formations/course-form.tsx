"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, Submit, TextAreaField } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";

export function CourseForm({
  action,
  services,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  services: { value: string; label: string }[];
}) {
  const t = useTranslations("training");
  return (
    <ActionForm action={action}>
      <SelectField name="serviceId" label={t("service")} required options={services} />
      <Field name="title" label={t("courseTitle")} required />
      <TextAreaField name="objectives" label={t("objectives")} rows={3} />
      <Field name="audience" label={t("audience")} />
      <Field name="prerequisites" label={t("prerequisites")} />
      <Field
        name="durationHalfDays"
        label={t("durationHalfDays")}
        inputMode="numeric"
        required
        defaultValue="2"
      />
      <SelectField
        name="format"
        label={t("format")}
        defaultValue="on_site"
        options={[
          { value: "on_site", label: t("formats.on_site") },
          { value: "remote", label: t("formats.remote") },
        ]}
      />
      <Field
        name="defaultCapacity"
        label={t("defaultCapacity")}
        inputMode="numeric"
        required
        defaultValue="8"
      />
      <Submit>{t("createCourse")}</Submit>
    </ActionForm>
  );
}
