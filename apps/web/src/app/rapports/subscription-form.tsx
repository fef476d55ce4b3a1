"use client";
// A manager's scheduled report: report, body, frequency, end, recipients, format.
import { ActionForm, Field, SelectField, Submit, useFormState } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";

type Option = { value: string; label: string };

function ManagersBox({ label }: { label: string }) {
  const state = useFormState();
  return (
    <label className="flex items-center gap-2 font-medium text-slate-800">
      <input
        type="checkbox"
        name="toManagers"
        defaultChecked={state.values?.toManagers === "on"}
        className="size-4"
      />
      {label}
    </label>
  );
}

export function SubscriptionForm({
  action,
  reports,
  bodies,
  labels,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  reports: Option[];
  bodies: Option[];
  labels: Record<
    | "label"
    | "report"
    | "body"
    | "allBodies"
    | "frequency"
    | "weekly"
    | "monthly"
    | "quarterly"
    | "endsOn"
    | "toManagers"
    | "agentsOf"
    | "none"
    | "emails"
    | "emailsHint"
    | "format"
    | "pdf"
    | "link"
    | "submit"
    | "recipients",
    string
  >;
}) {
  return (
    <ActionForm action={action}>
      <Field name="label" label={labels.label} required maxLength={200} />
      <SelectField name="reportId" label={labels.report} options={reports} />
      <SelectField
        name="body"
        label={labels.body}
        options={[{ value: "", label: labels.allBodies }, ...bodies]}
      />
      <SelectField
        name="frequency"
        label={labels.frequency}
        defaultValue="monthly"
        options={(["weekly", "monthly", "quarterly"] as const).map((f) => ({ value: f, label: labels[f] }))}
      />
      <Field name="endsOn" label={labels.endsOn} type="date" />
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">{labels.recipients}</legend>
        <ManagersBox label={labels.toManagers} />
        <SelectField
          name="agentsOfBodyId"
          label={labels.agentsOf}
          options={[{ value: "", label: labels.none }, ...bodies]}
        />
        <Field name="emails" label={labels.emails} hint={labels.emailsHint} maxLength={2000} />
      </fieldset>
      <SelectField
        name="format"
        label={labels.format}
        options={[
          { value: "pdf", label: labels.pdf },
          { value: "link", label: labels.link },
        ]}
      />
      <Submit>{labels.submit}</Submit>
    </ActionForm>
  );
}
