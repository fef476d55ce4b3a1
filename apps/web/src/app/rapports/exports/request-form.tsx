"use client";
// « Préparer en arrière-plan »: the format, and the report's period and filters as the page shows them.
import { ActionForm, SelectField, Submit } from "../../../components/form.tsx";
import type { FormState } from "../../../lib/form-state.ts";

export function BackgroundExportForm({
  action,
  reportId,
  query,
  labels,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  reportId: string;
  query: string;
  labels: { format: string; submit: string; formats: Record<"csv" | "xlsx" | "pdf", string> };
}) {
  return (
    <ActionForm action={action} className="flex flex-wrap items-end gap-4">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="query" value={query} />
      <SelectField
        name="format"
        label={labels.format}
        defaultValue="xlsx"
        options={(["xlsx", "csv", "pdf"] as const).map((f) => ({ value: f, label: labels.formats[f] }))}
      />
      <Submit>{labels.submit}</Submit>
    </ActionForm>
  );
}
