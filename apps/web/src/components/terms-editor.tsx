"use client";
// The form part that edits a service's terms: calendar, channels, equipment, targets per priority.
import { useTranslations } from "next-intl";
import { Field, SelectField, useFormState } from "./form.tsx";

const PRIORITIES = ["critical", "high", "medium", "low"] as const;
const CHANNELS = ["portal", "email", "phone", "letter"] as const;

export interface TermsDefaults {
  calendarId: string | null;
  channels: string[];
  equipmentCovered: string;
  trainingDaysIncluded?: number;
  targets: {
    priority: string;
    interventionHours: string;
    interventionBasis: string;
    resolutionHours: string;
    resolutionBasis: string;
    warningPercent: number;
  }[];
}

export function TermsEditor({
  calendars,
  defaults,
  prefix = "terms",
}: {
  calendars: { id: string; name: string }[];
  defaults: TermsDefaults | null;
  prefix?: string;
}) {
  const t = useTranslations("terms");
  const state = useFormState();
  const submitted = state.values !== undefined;
  const checked = (c: string) =>
    submitted
      ? state.values?.[`${prefix}.channels.${c}`] === "on"
      : (defaults?.channels ?? ["portal"]).includes(c);
  const target = (p: string) => defaults?.targets.find((x) => x.priority === p);
  const channelError = state.fieldErrors?.[`${prefix}.channels`];
  return (
    <>
      <SelectField
        name={`${prefix}.calendarId`}
        label={t("calendar")}
        defaultValue={defaults?.calendarId ?? ""}
        options={[
          { value: "", label: t("noCalendar") },
          ...calendars.map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={channelError ? `${prefix}-channels-error` : undefined}
      >
        <legend className="font-medium text-slate-800">{t("channels")}</legend>
        <div className="flex flex-wrap gap-4">
          {CHANNELS.map((c) => (
            <label key={c} className="flex items-center gap-2">
              <input
                type="checkbox"
                name={`${prefix}.channels.${c}`}
                defaultChecked={checked(c)}
                key={String(checked(c))}
              />
              {t(`channel.${c}`)}
            </label>
          ))}
        </div>
        {channelError ? (
          <p id={`${prefix}-channels-error`} className="text-sm font-medium text-red-800">
            {channelError}
          </p>
        ) : null}
      </fieldset>
      <Field
        name={`${prefix}.equipmentCovered`}
        label={t("equipment")}
        defaultValue={defaults?.equipmentCovered ?? ""}
      />
      <Field
        name={`${prefix}.trainingDaysIncluded`}
        label={t("trainingDays")}
        inputMode="numeric"
        defaultValue={String(defaults?.trainingDaysIncluded ?? 0)}
      />
      {PRIORITIES.map((p, i) => {
        const d = target(p);
        const base = `${prefix}.targets.${i}`;
        return (
          <fieldset
            key={p}
            className="grid grid-cols-1 gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-5"
          >
            <legend className="px-1 font-semibold text-slate-900">{t(`priority.${p}`)}</legend>
            <Field
              name={`${base}.interventionMinutes`}
              label={t("interventionHours")}
              inputMode="text"
              required
              defaultValue={d?.interventionHours ?? ""}
            />
            <SelectField
              name={`${base}.interventionBasis`}
              label={t("interventionBasis")}
              defaultValue={d?.interventionBasis ?? "business"}
              options={[
                { value: "business", label: t("business") },
                { value: "clock", label: t("clock") },
              ]}
            />
            <Field
              name={`${base}.resolutionMinutes`}
              label={t("resolutionHours")}
              inputMode="text"
              required
              defaultValue={d?.resolutionHours ?? ""}
            />
            <SelectField
              name={`${base}.resolutionBasis`}
              label={t("resolutionBasis")}
              defaultValue={d?.resolutionBasis ?? "business"}
              options={[
                { value: "business", label: t("business") },
                { value: "clock", label: t("clock") },
              ]}
            />
            <Field
              name={`${base}.warningPercent`}
              label={t("warning")}
              inputMode="numeric"
              required
              defaultValue={String(d?.warningPercent ?? 75)}
            />
          </fieldset>
        );
      })}
    </>
  );
}
