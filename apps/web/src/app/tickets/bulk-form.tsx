"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ActionForm, SelectField, Submit, useFormState } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";

function Report() {
  const t = useTranslations("tickets");
  const state = useFormState();
  const data = state.data as { updated: number; results: { ok: boolean }[] } | undefined;
  if (!data) return null;
  return (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-2">
      {t("bulkDone", { updated: data.updated, total: data.results.length })}
    </p>
  );
}

export function BulkForm({
  action,
  staff,
  children,
  empty,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  staff: { value: string; label: string }[];
  children: ReactNode;
  empty: boolean;
}) {
  const t = useTranslations("tickets");
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      <Report />
      {children}
      {empty ? null : (
        <fieldset className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t("bulk")}</legend>
          <SelectField
            name="bulkAssignee"
            label={t("bulkAssignee")}
            options={[
              { value: "", label: t("noChange") },
              { value: "none", label: t("unassigned") },
              ...staff,
            ]}
          />
          <SelectField
            name="bulkStatus"
            label={t("bulkStatus")}
            options={[
              { value: "", label: t("noChange") },
              ...["in_progress", "waiting_partner", "resolved", "cancelled"].map((s) => ({
                value: s,
                label: t(`status.${s}`),
              })),
            ]}
          />
          <Submit>{t("bulkApply")}</Submit>
        </fieldset>
      )}
    </ActionForm>
  );
}
