"use client";
// A manager's scheduled report: report, body, frequency, end, recipients, format. The same form
// creates one and edits one (`initial`); a built-in default's scope is shown, not editable (`fixed`).
import { ActionForm, Field, SelectField, Submit, useFormState } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";

type Option = { value: string; label: string };

/** The values an edition starts from. */
export interface SubscriptionValues {
  id: string;
  label: string;
  body: string;
  frequency: string;
  endsOn: string;
  toManagers: boolean;
  agentsOfBodyId: string;
  emails: string;
  format: string;
}

function ManagersBox({ label, initial }: { label: string; initial: boolean }) {
  const state = useFormState();
  // After an error, what was sent (an unchecked box sends nothing); else the stored value.
  const checked = state.values ? state.values.toManagers === "on" : initial;
  return (
    <label className="flex items-center gap-2 font-medium text-slate-800">
      <input
        type="checkbox"
        name="toManagers"
        defaultChecked={checked}
        key={String(checked)}
        className="size-4"
      />
      {label}
    </label>
  );
}

export type SubscriptionLabels = Record<
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

export function SubscriptionForm({
  action,
  reports,
  bodies,
  labels,
  initial,
  fixed,
  success,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  /** The reports to choose from; none when editing (a subscription keeps its report). */
  reports?: Option[];
  bodies: Option[];
  labels: SubscriptionLabels;
  initial?: SubscriptionValues;
  /** A built-in default: its body and main recipients, as a sentence; they are sent unchanged. */
  fixed?: { body: string; recipients: string };
  /** Shown once an edition is saved. */
  success?: string;
}) {
  return (
    <ActionForm action={action} success={success}>
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      <Field name="label" label={labels.label} required maxLength={200} defaultValue={initial?.label} />
      {reports ? <SelectField name="reportId" label={labels.report} options={reports} /> : null}
      {fixed ? (
        <p>
          <span className="font-medium text-slate-800">{labels.body}&nbsp;: </span>
          {fixed.body}
          <input type="hidden" name="body" value={initial?.body ?? ""} />
        </p>
      ) : (
        <SelectField
          name="body"
          label={labels.body}
          defaultValue={initial?.body}
          options={[{ value: "", label: labels.allBodies }, ...bodies]}
        />
      )}
      <SelectField
        name="frequency"
        label={labels.frequency}
        defaultValue={initial?.frequency ?? "monthly"}
        options={(["weekly", "monthly", "quarterly"] as const).map((f) => ({ value: f, label: labels[f] }))}
      />
      <Field name="endsOn" label={labels.endsOn} type="date" defaultValue={initial?.endsOn} />
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">{labels.recipients}</legend>
        {fixed ? (
          <p>
            {fixed.recipients}
            {initial?.toManagers ? <input type="hidden" name="toManagers" value="on" /> : null}
            <input type="hidden" name="agentsOfBodyId" value={initial?.agentsOfBodyId ?? ""} />
          </p>
        ) : (
          <>
            <ManagersBox label={labels.toManagers} initial={initial?.toManagers ?? false} />
            <SelectField
              name="agentsOfBodyId"
              label={labels.agentsOf}
              defaultValue={initial?.agentsOfBodyId}
              options={[{ value: "", label: labels.none }, ...bodies]}
            />
          </>
        )}
        <Field
          name="emails"
          label={labels.emails}
          hint={labels.emailsHint}
          maxLength={2000}
          defaultValue={initial?.emails}
        />
      </fieldset>
      <SelectField
        name="format"
        label={labels.format}
        defaultValue={initial?.format}
        options={[
          { value: "pdf", label: labels.pdf },
          { value: "link", label: labels.link },
        ]}
      />
      <Submit>{labels.submit}</Submit>
    </ActionForm>
  );
}
