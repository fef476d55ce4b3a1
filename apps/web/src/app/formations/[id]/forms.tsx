"use client";
// The small forms of a session's page: register (oneself or someone), check in with the room's
// code, answer the survey.
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, Submit, TextAreaField } from "../../../components/form.tsx";
import type { FormState } from "../../../lib/form-state.ts";

type Action = (s: FormState, fd: FormData) => Promise<FormState>;

export function RegisterSomeoneForm({
  action,
  people,
}: {
  action: Action;
  people: { value: string; label: string }[];
}) {
  const t = useTranslations("training");
  return (
    <ActionForm action={action} className="flex max-w-xl flex-col gap-3">
      <SelectField name="userId" label={t("person")} required options={people} />
      <Submit>{t("registerSomeone")}</Submit>
    </ActionForm>
  );
}

export function CheckInForm({ action }: { action: Action }) {
  const t = useTranslations("training");
  return (
    <ActionForm action={action} className="flex max-w-sm flex-col gap-3">
      <Field
        name="code"
        label={t("checkInCode")}
        hint={t("checkInHint")}
        autoComplete="off"
        maxLength={8}
        required
      />
      <Submit>{t("checkIn")}</Submit>
    </ActionForm>
  );
}

const QUESTIONS = ["content", "trainer", "organisation", "usefulness"] as const;

export function SurveyForm({ action }: { action: Action }) {
  const t = useTranslations("training");
  const scale = [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t(`scale.${n}`) }));
  return (
    <ActionForm action={action} className="flex max-w-xl flex-col gap-3">
      {QUESTIONS.map((q) => (
        <SelectField key={q} name={`ratings.${q}`} label={t(`questions.${q}`)} required options={scale} />
      ))}
      <TextAreaField name="comment" label={t("comment")} rows={3} />
      <Submit>{t("sendSurvey")}</Submit>
    </ActionForm>
  );
}
