"use client";
// The forms of a ticket's page. Each posts to a server action; errors come back next to the field.
import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import {
  ActionForm,
  Field,
  SelectField,
  Submit,
  TextAreaField,
  useFormState,
} from "../../components/form.tsx";
import { ImpactUrgencyFields } from "./impact-urgency-fields.tsx";
import type { FormState } from "../../lib/form-state.ts";

type Action = (s: FormState, fd: FormData) => Promise<FormState>;
type Option = { value: string; label: string };

/** A property shown with its value, edited in place: « Modifier » opens its form right there. */
export function InPlace({
  label,
  value,
  children,
  editLabel,
}: {
  label: string;
  value: ReactNode;
  children: ReactNode;
  editLabel: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="flex flex-col gap-1 border-b border-slate-200 py-2 last:border-b-0">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{label}</p>
          <div className="break-words text-slate-900">{value}</div>
        </div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
          className="shrink-0 rounded px-2 py-1 text-sm font-medium text-brand-800 hover:bg-brand-50"
        >
          {editLabel}
          <span className="sr-only"> : {label}</span>
        </button>
      </div>
      <div id={id} hidden={!open} className="mt-1">
        {children}
      </div>
    </div>
  );
}

/** The new status; choosing « en attente du partenaire » offers the date of the wait. */
function StatusFields({ options }: { options: Option[] }) {
  const t = useTranslations("tickets");
  const p = useTranslations("ticketPage");
  const state = useFormState();
  const [status, setStatus] = useState(state.values?.status ?? options[0]?.value ?? "");
  return (
    <>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-status" className="font-medium text-slate-800">
          {t("newStatus")}
        </label>
        <select
          id="f-status"
          name="status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          className="rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {status === "waiting_partner" ? (
        <Field name="waitingUntil" label={p("waitUntil")} type="datetime-local" hint={p("waitUntilHint")} />
      ) : null}
    </>
  );
}

export function StatusForm({ action, options }: { action: Action; options: Option[] }) {
  const t = useTranslations("tickets");
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <StatusFields options={options} />
      <TextAreaField name="comment" label={t("statusComment")} hint={t("statusCommentHint")} rows={2} />
      <Submit>{t("apply")}</Submit>
    </ActionForm>
  );
}

export function AssignForm({
  action,
  staff,
  current,
}: {
  action: Action;
  staff: Option[];
  current: string | null;
}) {
  const t = useTranslations("tickets");
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <SelectField
        name="assigneeId"
        label={t("assignee")}
        defaultValue={current ?? ""}
        options={[{ value: "", label: t("unassigned") }, ...staff]}
      />
      <Submit>{t("apply")}</Submit>
    </ActionForm>
  );
}

export function PriorityForm({
  action,
  impact,
  urgency,
}: {
  action: Action;
  impact: string;
  urgency: string;
}) {
  const t = useTranslations("tickets");
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <ImpactUrgencyFields impact={impact} urgency={urgency} stacked />
      <Submit>{t("apply")}</Submit>
    </ActionForm>
  );
}

export function DiagnosisForm({
  action,
  diagnosis,
  eta,
}: {
  action: Action;
  diagnosis: string;
  eta: string;
}) {
  const t = useTranslations("tickets");
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <TextAreaField name="diagnosis" label={t("diagnosis")} required defaultValue={diagnosis} rows={3} />
      <Field
        name="estimatedRestorationAt"
        label={t("eta")}
        type="datetime-local"
        defaultValue={eta}
        hint={t("etaHint")}
      />
      <Submit>{t("apply")}</Submit>
    </ActionForm>
  );
}

export function DeadlineForm({ action }: { action: Action }) {
  const t = useTranslations("tickets");
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <SelectField
        name="target"
        label={t("target")}
        options={[
          { value: "intervention", label: t("intervention") },
          { value: "resolution", label: t("resolution") },
        ]}
      />
      <Field name="dueAt" label={t("dueAt")} type="datetime-local" hint={t("dueAtHint")} />
      <Field name="reason" label={t("reason")} required />
      <Submit>{t("apply")}</Submit>
    </ActionForm>
  );
}

export function NumberForm({
  action,
  name,
  label,
  submit,
}: {
  action: Action;
  name: string;
  label: string;
  submit: string;
}) {
  const t = useTranslations("tickets");
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <Field name={name} label={label} required hint={t("numberHint")} />
      <Submit>{submit}</Submit>
    </ActionForm>
  );
}

export function RateForm({ action }: { action: Action }) {
  const t = useTranslations("tickets");
  return (
    <ActionForm action={action} className="flex max-w-xl flex-col gap-3">
      <SelectField
        name="score"
        label={t("score")}
        required
        defaultValue=""
        options={[
          { value: "", label: t("scoreChoose") },
          ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t("scoreValue", { n }) })),
        ]}
      />
      <TextAreaField name="comment" label={t("rateComment")} rows={2} />
      <Submit thumb>{t("rate")}</Submit>
    </ActionForm>
  );
}

export function ServiceForm({
  action,
  services,
  current,
}: {
  action: Action;
  services: Option[];
  current: string;
}) {
  const t = useTranslations("tickets");
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <SelectField name="serviceId" label={t("service")} defaultValue={current} options={services} />
      <p className="text-sm text-slate-700">{t("changeServiceHint")}</p>
      <Submit>{t("apply")}</Submit>
    </ActionForm>
  );
}
