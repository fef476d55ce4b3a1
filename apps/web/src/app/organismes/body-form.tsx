"use client";
import { ActionForm, Field, SelectField, Submit } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";

export function BodyForm(props: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  labels: Record<string, string>;
  kinds: { value: string; label: string }[];
  communes: { value: string; label: string }[];
  statuses: { value: string; label: string }[];
  initial?: Record<string, string>;
}) {
  const l = props.labels;
  const v = props.initial ?? {};
  return (
    <ActionForm action={props.action}>
      <Field name="legalName" label={l.legalName!} required defaultValue={v.legalName} />
      <SelectField name="kind" label={l.kind!} options={props.kinds} defaultValue={v.kind ?? "commune"} />
      <Field
        name="siret"
        label={l.siret!}
        required
        inputMode="numeric"
        defaultValue={v.siret}
        hint={l.siretHint}
      />
      <Field name="inseeCode" label={l.inseeCode!} defaultValue={v.inseeCode} hint={l.inseeHint} />
      <Field name="population" label={l.population!} inputMode="numeric" defaultValue={v.population} />
      <Field
        name="populationYear"
        label={l.populationYear!}
        inputMode="numeric"
        defaultValue={v.populationYear}
      />
      <SelectField
        name="communeId"
        label={l.communeId!}
        options={[{ value: "", label: "—" }, ...props.communes]}
        defaultValue={v.communeId ?? ""}
      />
      <Field name="addressLine" label={l.addressLine!} defaultValue={v.addressLine} />
      <Field name="postalCode" label={l.postalCode!} defaultValue={v.postalCode} />
      <Field name="city" label={l.city!} defaultValue={v.city} />
      <Field name="dpoName" label={l.dpoName!} defaultValue={v.dpoName} />
      <Field name="dpoEmail" label={l.dpoEmail!} type="email" defaultValue={v.dpoEmail} />
      <SelectField
        name="status"
        label={l.status!}
        options={props.statuses}
        defaultValue={v.status ?? "active"}
      />
      <Submit>{l.save}</Submit>
    </ActionForm>
  );
}
