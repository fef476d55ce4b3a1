"use client";
import { ActionForm, Field, SelectField, Submit, TextAreaField } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";

type Option = { value: string; label: string };

export function AssetForm(props: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  labels: Record<string, string>;
  kinds: Option[];
  statuses: Option[];
  bodies: Option[];
  initial?: Record<string, string>;
}) {
  const l = props.labels;
  const v = props.initial ?? {};
  return (
    <ActionForm action={props.action} className="flex max-w-3xl flex-col gap-4">
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
        <legend className="px-1 font-semibold">{l.identity}</legend>
        <Field name="tag" label={l.tag!} required maxLength={40} defaultValue={v.tag} hint={l.tagHint} />
        <Field name="serialNumber" label={l.serialNumber!} maxLength={100} defaultValue={v.serialNumber} />
        <SelectField
          name="kindId"
          label={l.kindId!}
          required
          options={[{ value: "", label: "—" }, ...props.kinds]}
          defaultValue={v.kindId ?? ""}
        />
        <Field name="manufacturer" label={l.manufacturer!} maxLength={120} defaultValue={v.manufacturer} />
        <Field name="model" label={l.model!} maxLength={120} defaultValue={v.model} />
      </fieldset>
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
        <legend className="px-1 font-semibold">{l.holder}</legend>
        <SelectField
          name="status"
          label={l.status!}
          required
          options={props.statuses}
          defaultValue={v.status ?? "in_stock"}
        />
        <SelectField
          name="bodyId"
          label={l.bodyId!}
          options={[{ value: "", label: l.noBody! }, ...props.bodies]}
          defaultValue={v.bodyId ?? ""}
        />
        <Field
          name="location"
          label={l.location!}
          maxLength={300}
          defaultValue={v.location}
          hint={l.locationHint}
        />
      </fieldset>
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-3">
        <legend className="px-1 font-semibold">{l.purchase}</legend>
        <Field name="purchaseDate" label={l.purchaseDate!} type="date" defaultValue={v.purchaseDate} />
        <Field
          name="purchaseValueCents"
          label={l.purchaseValue!}
          inputMode="text"
          defaultValue={v.purchaseValueCents}
          hint={l.purchaseValueHint}
        />
        <Field name="warrantyEnd" label={l.warrantyEnd!} type="date" defaultValue={v.warrantyEnd} />
      </fieldset>
      <TextAreaField name="notes" label={l.notes!} defaultValue={v.notes} rows={3} />
      <Submit>{l.save}</Submit>
    </ActionForm>
  );
}
