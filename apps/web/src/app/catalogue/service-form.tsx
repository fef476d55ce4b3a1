"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, Submit, useFormState } from "../../components/form.tsx";
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
  alerts,
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
  /** Who is alerted of new tickets (edit form only). */
  alerts?: { alertEmail: string | null; alertUserIds: string[]; staff: { id: string; name: string }[] };
}) {
  const t = useTranslations("catalogue");
  return (
    <ActionForm action={action}>
      <Field name="code" label={t("code")} required hint={t("codeHint")} defaultValue={defaults.code} />
      <Field name="name" label={t("name")} required defaultValue={defaults.name} />
      <Field name="description" label={t("description")} defaultValue={defaults.description} />
      <Check name="active" label={t("active")} defaultChecked={defaults.active ?? true} />
      <Check name="lendsEquipment" label={t("lends")} defaultChecked={defaults.lendsEquipment ?? false} />
      {alerts ? (
        <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 font-medium">{t("alertsTitle")}</legend>
          <p className="text-sm text-slate-700">{t("alertsLead")}</p>
          <Field
            name="alertEmail"
            label={t("alertEmail")}
            type="email"
            autoComplete="off"
            defaultValue={alerts.alertEmail ?? ""}
          />
          <SelectField
            name="alertUserIds"
            label={t("alertUsers")}
            multiple
            defaultValue={alerts.alertUserIds}
            options={alerts.staff.map((p) => ({ value: p.id, label: p.name }))}
          />
        </fieldset>
      ) : null}
      <Submit>{submit}</Submit>
    </ActionForm>
  );
}
