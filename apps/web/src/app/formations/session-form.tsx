"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, Submit } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";

type Option = { value: string; label: string };
export type SlotDefaults = { date: string; start: string; end: string }[];

export function SessionForm({
  action,
  courses,
  trainers,
  bodies,
  defaults,
  rows,
  submit,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  courses: Option[];
  trainers: Option[];
  bodies: Option[];
  rows: number;
  defaults: {
    courseId?: string;
    slots?: SlotDefaults;
    address?: string;
    room?: string;
    remoteLink?: string;
    trainerId?: string;
    trainerName?: string;
    capacity?: number;
    perBodyLimit?: number | null;
    registrationDeadline?: string;
    dedicatedBodyId?: string;
  };
  submit: string;
}) {
  const t = useTranslations("training");
  return (
    <ActionForm action={action}>
      <SelectField
        name="courseId"
        label={t("course")}
        required
        defaultValue={defaults.courseId}
        options={courses}
      />
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 font-semibold text-slate-900">{t("slots")}</legend>
        <p className="text-sm text-slate-700">{t("slotsHint")}</p>
        {Array.from({ length: rows }, (_, i) => {
          const d = defaults.slots?.[i];
          return (
            <div
              key={i}
              className="grid grid-cols-1 gap-2 sm:grid-cols-3"
              role="group"
              aria-label={t("slotN", { n: i + 1 })}
            >
              <Field
                name={`slots.${i}.date`}
                type="date"
                label={t("slotDate", { n: i + 1 })}
                defaultValue={d?.date ?? ""}
              />
              <Field
                name={`slots.${i}.start`}
                type="time"
                label={t("slotStart", { n: i + 1 })}
                defaultValue={d?.start ?? ""}
              />
              <Field
                name={`slots.${i}.end`}
                type="time"
                label={t("slotEnd", { n: i + 1 })}
                defaultValue={d?.end ?? ""}
              />
            </div>
          );
        })}
      </fieldset>
      <Field name="room" label={t("room")} defaultValue={defaults.room} />
      <Field name="address" label={t("address")} defaultValue={defaults.address} />
      <Field name="remoteLink" label={t("remoteLink")} type="url" defaultValue={defaults.remoteLink} />
      <SelectField
        name="trainerId"
        label={t("trainer")}
        defaultValue={defaults.trainerId ?? ""}
        options={[{ value: "", label: t("outsideTrainer") }, ...trainers]}
      />
      <Field name="trainerName" label={t("trainerName")} defaultValue={defaults.trainerName} />
      <Field
        name="capacity"
        label={t("capacity")}
        inputMode="numeric"
        required
        defaultValue={defaults.capacity !== undefined ? String(defaults.capacity) : ""}
      />
      <Field
        name="perBodyLimit"
        label={t("perBodyLimit")}
        inputMode="numeric"
        hint={t("perBodyLimitHint")}
        defaultValue={defaults.perBodyLimit ? String(defaults.perBodyLimit) : ""}
      />
      <Field
        name="registrationDeadline"
        type="date"
        label={t("deadline")}
        hint={t("deadlineHint")}
        defaultValue={defaults.registrationDeadline ?? ""}
      />
      <SelectField
        name="dedicatedBodyId"
        label={t("dedicatedTo")}
        defaultValue={defaults.dedicatedBodyId ?? ""}
        options={[{ value: "", label: t("openToAll") }, ...bodies]}
      />
      <Submit>{submit}</Submit>
    </ActionForm>
  );
}
