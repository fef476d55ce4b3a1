"use client";
// The small forms of an asset's page: kit items and accessories, files (a file over the limit is
// refused in the browser before it is sent, with the field named; the server checks again).
import { useState } from "react";
import { ActionForm, Field, Submit, useFormState } from "../../components/form.tsx";
import { buttonClass } from "../../components/ui/button.tsx";
import type { FormState } from "../../lib/form-state.ts";

type Action = (s: FormState, fd: FormData) => Promise<FormState>;

export function KitItemForm({ action, labels }: { action: Action; labels: Record<string, string> }) {
  return (
    <ActionForm action={action} className="flex flex-wrap items-end gap-3">
      <Field name="item" label={labels.item!} required maxLength={100} />
      <Submit>{labels.submit}</Submit>
    </ActionForm>
  );
}

export function AccessoryForm({ action, labels }: { action: Action; labels: Record<string, string> }) {
  return (
    <ActionForm action={action} className="flex flex-wrap items-end gap-3">
      <Field name="accessory" label={labels.label!} required maxLength={120} />
      <Field name="quantity" label={labels.quantity!} required inputMode="numeric" defaultValue="1" />
      <Submit>{labels.submit}</Submit>
    </ActionForm>
  );
}

export function RemoveButton({ action, label }: { action: Action; label: string }) {
  return (
    <ActionForm action={action} className="inline">
      <button type="submit" className={buttonClass({ variant: "ghost", size: "sm" })}>
        {label}
      </button>
    </ActionForm>
  );
}

export function AssetFileForm({
  action,
  labels,
  maxBytes,
}: {
  action: Action;
  labels: Record<string, string>;
  maxBytes: number;
}) {
  const [tooLarge, setTooLarge] = useState(false);
  return (
    <ActionForm
      action={action}
      encType="multipart/form-data"
      className="flex max-w-xl flex-col gap-3"
      onSubmit={(e) => {
        const input = e.currentTarget.elements.namedItem("file") as HTMLInputElement | null;
        const big = [...(input?.files ?? [])].some((f) => f.size > maxBytes);
        setTooLarge(big);
        if (big) {
          e.preventDefault();
          input?.focus();
        }
      }}
    >
      {tooLarge ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {labels.tooLarge}
        </p>
      ) : null}
      <Field name="label" label={labels.label!} maxLength={120} />
      <FileInput label={labels.file!} hint={labels.hint!} error={tooLarge ? labels.tooLarge : undefined} />
      <Submit>{labels.submit}</Submit>
    </ActionForm>
  );
}

function FileInput({ label, hint, error: local }: { label: string; hint: string; error?: string }) {
  const state = useFormState();
  const error = local ?? state.fieldErrors?.file;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="f-file" className="font-medium text-slate-800">
        {label} <span aria-hidden="true">*</span>
      </label>
      <p id="f-file-hint" className="text-sm text-slate-600">
        {hint}
      </p>
      <input
        id="f-file"
        name="file"
        type="file"
        required
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "f-file-hint f-file-error" : "f-file-hint"}
      />
      {error ? (
        <p id="f-file-error" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
