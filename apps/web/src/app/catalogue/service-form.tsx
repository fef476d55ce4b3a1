"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, Submit, useFormState } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";

function Check({ name, label, defaultChecked }: { name: string; label: string; defaultChecked: boolean }) {
  const state = useFormState();
  const checked = state.values ? state.values[name] === "on" : defaultChecked;
  return (
    <label className="flex items-center gap-2">
      <input type="checkbox" name={name} defaultChecked={checked} key={String(checked)} /> {label}
    </label>
  );
}

export function ServiceForm({
  action,
  defaults,
  submit,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  defaults: {
    code?: string;
    name?: string;
    description?: string;
    active?: boolean;
    lendsEquipment?: boolean;
  };
  submit: string;
}) {
  const t = useTranslations("catalogue");
  return (
    <ActionForm action={action}>
      <Field name="code" label={t("code")} required hint={t("codeHint")} defaultValue={defaults.code} />
      <Field name="name" label={t("name")} required defaultValue={defaults.name} />
      <Field name="description" label={t("description")} defaultValue={defaults.description} />
      <Check name="active" label={t("active")} defaultChecked={defaults.active ?? true} />
      <Check name="lendsEquipment" label={t("lends")} defaultChecked={defaults.lendsEquipment ?? false} />
      <Submit>{submit}</Submit>
    </ActionForm>
  );
}
