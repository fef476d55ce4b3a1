"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, Submit, TextAreaField, useFormState } from "../../../components/form.tsx";
import type { FormState } from "../../../lib/form-state.ts";

type Action = (s: FormState, fd: FormData) => Promise<FormState>;

/** A canned reply's title, text and (for managers) whether it is shared with the whole team. */
export function CannedForm({
  action,
  canShare,
  initial,
}: {
  action: Action;
  canShare: boolean;
  initial?: { title: string; body: string; shared: boolean };
}) {
  const t = useTranslations("cannedReplies");
  return (
    <ActionForm action={action} className="flex max-w-2xl flex-col gap-4">
      <Field name="title" label={t("titleField")} required maxLength={120} defaultValue={initial?.title} />
      <TextAreaField name="body" label={t("text")} required rows={6} defaultValue={initial?.body} />
      {canShare ? <SharedBox initial={initial?.shared ?? false} /> : null}
      <Submit>{t("save")}</Submit>
    </ActionForm>
  );
}

function SharedBox({ initial }: { initial: boolean }) {
  const t = useTranslations("cannedReplies");
  const state = useFormState();
  const checked = state.values ? state.values.shared === "on" : initial;
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-2 font-medium text-slate-800">
        <input
          type="checkbox"
          name="shared"
          defaultChecked={checked}
          key={String(checked)}
          className="size-4"
        />
        {t("shared")}
      </label>
      <p className="text-sm text-slate-600">{t("sharedHint")}</p>
    </div>
  );
}
