"use client";
// An administrator chooses how long declarants' identities are kept after a ticket ends.
import { ActionForm, Field, Submit } from "../../../components/form.tsx";
import { updateRetentionAction } from "./actions.ts";

export function RetentionForm({
  months,
  labels,
}: {
  months: number;
  labels: { field: string; hint: string; save: string; saved: string };
}) {
  return (
    <ActionForm action={updateRetentionAction} success={labels.saved}>
      <Field
        name="declarantMonths"
        label={labels.field}
        hint={labels.hint}
        inputMode="numeric"
        required
        maxLength={3}
        defaultValue={String(months)}
      />
      <Submit>{labels.save}</Submit>
    </ActionForm>
  );
}
