"use client";
import { useId } from "react";
import { ActionForm, Field, Submit } from "../../../components/form.tsx";
import type { FormState } from "../../../lib/form-state.ts";

type Initial = {
  code: string;
  label: string;
  position: string;
  holdsData: boolean;
  isKit: boolean;
  active: boolean;
};

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <input id={id} type="checkbox" name={name} defaultChecked={checked} className="size-4" />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** One kind: a new one (code chosen once) or an existing one (code shown, fixed). */
export function KindForm({
  action,
  labels,
  initial,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  labels: Record<string, string>;
  initial?: Initial;
}) {
  return (
    <ActionForm action={action} className="flex flex-wrap items-end gap-4">
      {initial ? (
        <>
          <input type="hidden" name="code" value={initial.code} />
          <code className="self-center text-sm">{initial.code}</code>
        </>
      ) : (
        <Field name="code" label={labels.code!} required maxLength={40} />
      )}
      <Field name="label" label={labels.label!} required maxLength={80} defaultValue={initial?.label} />
      <Field
        name="position"
        label={labels.position!}
        inputMode="numeric"
        defaultValue={initial?.position ?? "100"}
      />
      <Check name="holdsData" label={labels.holdsData!} checked={initial?.holdsData ?? false} />
      <Check name="isKit" label={labels.isKit!} checked={initial?.isKit ?? false} />
      {initial ? <Check name="active" label={labels.active!} checked={initial.active} /> : null}
      <Submit>{initial ? labels.save : labels.add}</Submit>
    </ActionForm>
  );
}
