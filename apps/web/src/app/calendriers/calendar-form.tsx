"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, Submit } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";

type Weekly = Record<string, { from: string; to: string }[]>;
const slotsText = (w: Weekly | undefined, d: string) =>
  (w?.[d] ?? []).map((s) => `${s.from}-${s.to}`).join(", ");

export function CalendarForm({
  action,
  defaults,
  submit,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  defaults: { name?: string; timeZone?: string; holidayZone?: string; weekly?: Weekly };
  submit: string;
}) {
  const t = useTranslations("calendars");
  return (
    <ActionForm action={action}>
      <Field name="name" label={t("name")} required defaultValue={defaults.name} />
      <Field
        name="timeZone"
        label={t("timeZone")}
        defaultValue={defaults.timeZone ?? "Europe/Paris"}
        hint={t("timeZoneHint")}
      />
      <SelectField
        name="holidayZone"
        label={t("holidayZone")}
        defaultValue={defaults.holidayZone ?? "metropole"}
        options={["metropole", "alsace_moselle", "none"].map((z) => ({ value: z, label: t(`zone.${z}`) }))}
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="font-medium">{t("weekly")}</legend>
        <p className="text-sm text-slate-700">{t("weeklyHint")}</p>
        {["1", "2", "3", "4", "5", "6", "7"].map((d) => (
          <Field
            key={d}
            name={`weekly.${d}`}
            label={t(`day.${d}`)}
            defaultValue={slotsText(defaults.weekly, d)}
          />
        ))}
      </fieldset>
      <Submit>{submit}</Submit>
    </ActionForm>
  );
}

export function ClosureForm({ action }: { action: (s: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations("calendars");
  return (
    <ActionForm action={action}>
      <Field name="startDate" label={t("closureStart")} type="date" required />
      <Field name="endDate" label={t("closureEnd")} type="date" hint={t("closureEndHint")} />
      <Field name="label" label={t("closureLabel")} required />
      <Submit>{t("addClosure")}</Submit>
    </ActionForm>
  );
}
