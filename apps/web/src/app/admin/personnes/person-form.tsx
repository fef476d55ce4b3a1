"use client";
// An administrator edits a person: name, phone, role, the bodies of an agent, active or not.
import { ActionForm, Field, SelectField, Submit, useFormState } from "../../../components/form.tsx";
import { updateAction } from "./actions.ts";

interface Labels {
  name: string;
  phone: string;
  role: string;
  bodies: string;
  bodiesHint: string;
  active: string;
  activeHint: string;
  submit: string;
  success: string;
}

function Bodies({
  label,
  hint,
  options,
  selected,
}: {
  label: string;
  hint: string;
  options: { value: string; label: string }[];
  selected: string[];
}) {
  const state = useFormState();
  const error = state.fieldErrors?.bodyIds;
  const chosen = state.values ? (state.values.bodyIds ?? "").split("\n") : selected;
  return (
    <fieldset
      className="flex flex-col gap-1"
      aria-describedby={["f-bodyIds-hint", error ? "f-bodyIds-error" : ""].join(" ").trim()}
    >
      <legend className="font-medium text-slate-800">{label}</legend>
      <p id="f-bodyIds-hint" className="text-sm text-slate-600">
        {hint}
      </p>
      <div className="flex max-h-64 flex-col gap-1 overflow-y-auto rounded-md border border-slate-300 bg-white p-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input
              type="checkbox"
              name="bodyIds"
              value={o.value}
              defaultChecked={chosen.includes(o.value)}
              key={`${o.value}:${chosen.includes(o.value)}`}
            />{" "}
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id="f-bodyIds-error" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function Active({ label, hint, checked }: { label: string; hint: string; checked: boolean }) {
  const state = useFormState();
  const value = state.values ? state.values.active === "on" : checked;
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-2 font-medium text-slate-800">
        <input
          type="checkbox"
          name="active"
          defaultChecked={value}
          key={String(value)}
          aria-describedby="f-active-hint"
        />{" "}
        {label}
      </label>
      <p id="f-active-hint" className="text-sm text-slate-600">
        {hint}
      </p>
    </div>
  );
}

export function PersonForm(props: {
  labels: Labels;
  person: {
    id: string;
    name: string;
    phone: string | null;
    role: string;
    active: boolean;
    bodyIds: string[];
  };
  roles: { value: string; label: string }[];
  bodies: { value: string; label: string }[];
}) {
  const { labels: l, person: p } = props;
  return (
    <ActionForm action={updateAction.bind(null, p.id)} success={l.success}>
      <Field name="name" label={l.name} required defaultValue={p.name} autoComplete="off" />
      <Field name="phone" label={l.phone} type="tel" defaultValue={p.phone ?? ""} autoComplete="off" />
      <SelectField name="role" label={l.role} options={props.roles} defaultValue={p.role} />
      <Bodies label={l.bodies} hint={l.bodiesHint} options={props.bodies} selected={p.bodyIds} />
      <Active label={l.active} hint={l.activeHint} checked={p.active} />
      <Submit>{l.submit}</Submit>
    </ActionForm>
  );
}
