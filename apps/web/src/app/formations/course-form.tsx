"use client";
import { useTranslations } from "next-intl";
import {
  ActionForm,
  Field,
  SelectField,
  Submit,
  TextAreaField,
  useFormState,
} from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";

export interface CourseDefaults {
  serviceId: string;
  title: string;
  objectives: string;
  audience: string;
  prerequisites: string;
  durationHalfDays: number;
  format: "on_site" | "remote";
  defaultCapacity: number;
  active: boolean;
}

/** A course of the catalogue: new (no defaults) or edited (its values, and whether it is offered). */
export function CourseForm({
  action,
  services,
  defaults,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  services: { value: string; label: string }[];
  defaults?: CourseDefaults;
}) {
  const t = useTranslations("training");
  return (
    <ActionForm action={action}>
      <SelectField
        name="serviceId"
        label={t("service")}
        required
        options={services}
        defaultValue={defaults?.serviceId}
      />
      <Field name="title" label={t("courseTitle")} required defaultValue={defaults?.title} />
      <TextAreaField name="objectives" label={t("objectives")} rows={3} defaultValue={defaults?.objectives} />
      <Field name="audience" label={t("audience")} defaultValue={defaults?.audience} />
      <Field name="prerequisites" label={t("prerequisites")} defaultValue={defaults?.prerequisites} />
      <Field
        name="durationHalfDays"
        label={t("durationHalfDays")}
        inputMode="numeric"
        required
        defaultValue={String(defaults?.durationHalfDays ?? 2)}
      />
      <SelectField
        name="format"
        label={t("format")}
        defaultValue={defaults?.format ?? "on_site"}
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
        defaultValue={String(defaults?.defaultCapacity ?? 8)}
      />
      {defaults ? <Active label={t("active")} checked={defaults.active} /> : null}
      <Submit>{defaults ? t("saveCourse") : t("createCourse")}</Submit>
    </ActionForm>
  );
}

function Active({ label, checked }: { label: string; checked: boolean }) {
  const state = useFormState();
  const value = state.values ? state.values.active === "on" : checked;
  return (
    <label className="flex min-h-11 items-center gap-2 font-medium text-slate-800">
      <input type="checkbox" name="active" defaultChecked={value} key={String(value)} className="size-5" />
      {label}
    </label>
  );
}
