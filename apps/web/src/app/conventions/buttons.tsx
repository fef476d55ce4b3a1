"use client";
// Small forms: one-button actions and the lifecycle/amendment/document forms of a convention page.
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, Submit } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";

type Action = (s: FormState, fd: FormData) => Promise<FormState>;

export { ButtonForm } from "../../components/button-form.tsx";

function Disclosure({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <details className="rounded-md border border-slate-200 bg-white p-3">
      <summary className="cursor-pointer font-medium text-brand-800">{title}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

export function NoticeForm({ action, today }: { action: Action; today: string }) {
  const t = useTranslations("conventions");
  return (
    <Disclosure title={t("giveNotice")}>
      <ActionForm action={action}>
        <Field name="noticeDate" label={t("noticeDate")} type="date" required defaultValue={today} />
        <SelectField
          name="givenBy"
          label={t("givenBy")}
          options={[
            { value: "partner", label: t("byPartner") },
            { value: "provider", label: t("byProvider") },
          ]}
        />
        <Field name="note" label={t("noticeNote")} hint={t("noticeNoteHint")} />
        <Submit>{t("giveNotice")}</Submit>
      </ActionForm>
    </Disclosure>
  );
}

/** Termination goes through a confirmation naming the consequence, with its date and reason. */
export function TerminateForm({ action, today }: { action: Action; today: string }) {
  const t = useTranslations("conventions");
  return (
    <div>
      <ConfirmDialog
        trigger={t("terminate")}
        title={t("terminateTitle")}
        consequence={t("terminateConsequence")}
        confirmLabel={t("terminate")}
        cancelLabel={t("keep")}
        action={action}
        reason={{ label: t("reason"), required: true }}
      >
        <Field name="terminatedOn" label={t("terminatedOn")} type="date" required defaultValue={today} />
      </ConfirmDialog>
    </div>
  );
}

export function RenewForm({ action }: { action: Action }) {
  const t = useTranslations("conventions");
  return (
    <Disclosure title={t("renew")}>
      <ActionForm action={action}>
        <Field name="newEndDate" label={t("newEndDate")} type="date" required />
        <Submit>{t("renew")}</Submit>
      </ActionForm>
    </Disclosure>
  );
}

export function AmendForm({ action }: { action: Action }) {
  const t = useTranslations("conventions");
  return (
    <Disclosure title={t("amend")}>
      <ActionForm action={action}>
        <p className="text-sm text-slate-700">{t("amendHint")}</p>
        <Field name="effectiveFrom" label={t("effectiveFrom")} type="date" required />
        <Field name="amendDeliberationRef" label={t("deliberationRef")} />
        <Field name="summary" label={t("summary")} required />
        <Submit>{t("amendCreate")}</Submit>
      </ActionForm>
    </Disclosure>
  );
}

export function DocumentForm({
  action,
  versions,
}: {
  action: Action;
  versions: { id: string; label: string }[];
}) {
  const t = useTranslations("conventions");
  return (
    <Disclosure title={t("addDocument")}>
      <ActionForm action={action} encType="multipart/form-data">
        <Field name="label" label={t("documentLabel")} required />
        <SelectField
          name="versionId"
          label={t("documentVersion")}
          options={[
            { value: "", label: t("wholeConvention") },
            ...versions.map((v) => ({ value: v.id, label: v.label })),
          ]}
        />
        <Field name="file" label={t("file")} type="file" required hint={t("fileHint")} />
        <Submit>{t("upload")}</Submit>
      </ActionForm>
    </Disclosure>
  );
}
