"use client";
// The forms of a ticket's page. Each posts to a server action; errors come back next to the field.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ActionForm, Field, FileField, SelectField, Submit, TextAreaField } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";

type Action = (s: FormState, fd: FormData) => Promise<FormState>;
type Option = { value: string; label: string };

function Box({ title, children, open }: { title: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="rounded-md border border-slate-200 bg-white p-3" open={open}>
      <summary className="cursor-pointer font-medium text-brand-800">{title}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

export function MessageForm({ action, staff }: { action: Action; staff: boolean }) {
  const t = useTranslations("tickets");
  return (
    <ActionForm action={action} encType="multipart/form-data" className="flex max-w-3xl flex-col gap-3">
      {staff ? (
        <SelectField
          name="kind"
          label={t("messageKind")}
          defaultValue="reply"
          options={[
            { value: "reply", label: t("kindReply") },
            { value: "note", label: t("kindNote") },
          ]}
        />
      ) : (
        <input type="hidden" name="kind" value="reply" />
      )}
      <TextAreaField name="body" label={t("message")} required rows={4} />
      <FileField name="attachments" label={t("attachments")} hint={t("attachmentsHint")} multiple />
      <Submit>{t("send")}</Submit>
    </ActionForm>
  );
}

export function StatusForm({ action, options }: { action: Action; options: Option[] }) {
  const t = useTranslations("tickets");
  return (
    <Box title={t("changeStatus")} open>
      <ActionForm action={action}>
        <SelectField name="status" label={t("newStatus")} options={options} />
        <TextAreaField name="comment" label={t("statusComment")} hint={t("statusCommentHint")} rows={2} />
        <Submit>{t("apply")}</Submit>
      </ActionForm>
    </Box>
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
    <Box title={t("assign")}>
      <ActionForm action={action}>
        <SelectField
          name="assigneeId"
          label={t("assignee")}
          defaultValue={current ?? ""}
          options={[{ value: "", label: t("unassigned") }, ...staff]}
        />
        <Submit>{t("apply")}</Submit>
      </ActionForm>
    </Box>
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
  const levels = ["high", "medium", "low"].map((l) => ({ value: l, label: t(`level.${l}`) }));
  return (
    <Box title={t("changePriority")}>
      <ActionForm action={action}>
        <SelectField name="impact" label={t("impact")} defaultValue={impact} options={levels} />
        <SelectField name="urgency" label={t("urgency")} defaultValue={urgency} options={levels} />
        <Submit>{t("apply")}</Submit>
      </ActionForm>
    </Box>
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
    <Box title={t("diagnosis")}>
      <ActionForm action={action}>
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
    </Box>
  );
}

export function DeadlineForm({ action }: { action: Action }) {
  const t = useTranslations("tickets");
  return (
    <Box title={t("setDeadline")}>
      <ActionForm action={action}>
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
    </Box>
  );
}

export function NumberForm({
  action,
  title,
  name,
  label,
  submit,
}: {
  action: Action;
  title: string;
  name: string;
  label: string;
  submit: string;
}) {
  const t = useTranslations("tickets");
  return (
    <Box title={title}>
      <ActionForm action={action}>
        <Field name={name} label={label} required hint={t("numberHint")} />
        <Submit>{submit}</Submit>
      </ActionForm>
    </Box>
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
      <Submit>{t("rate")}</Submit>
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
    <Box title={t("changeService")}>
      <ActionForm action={action}>
        <SelectField name="serviceId" label={t("service")} defaultValue={current} options={services} />
        <p className="text-sm text-slate-700">{t("changeServiceHint")}</p>
        <Submit>{t("apply")}</Submit>
      </ActionForm>
    </Box>
  );
}
