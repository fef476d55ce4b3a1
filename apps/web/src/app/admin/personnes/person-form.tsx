"use client";
// An administrator edits a person: name, phone, role, the bodies of an agent, active or not.
import { useRef, useState } from "react";
import { ActionForm, Field, SelectField, Submit, useFormState } from "../../../components/form.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Dialog, DialogClose, DialogContent } from "../../../components/ui/dialog.tsx";
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
  deactivateTitle: string;
  deactivateConsequence: string;
  deactivateConfirm: string;
  keep: string;
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
  // Unticking « Compte actif » of an active account asks for a confirmation before saving.
  const [confirming, setConfirming] = useState(false);
  const confirmed = useRef(false);
  const form = useRef<HTMLFormElement | null>(null);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    form.current = e.currentTarget;
    const active = (e.currentTarget.elements.namedItem("active") as HTMLInputElement | null)?.checked;
    if (p.active && active === false && !confirmed.current) {
      e.preventDefault();
      setConfirming(true);
    }
    confirmed.current = false;
  };
  return (
    <>
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent
          title={l.deactivateTitle}
          description={l.deactivateConsequence}
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            (document.getElementById("deactivate-keep") as HTMLButtonElement | null)?.focus();
          }}
        >
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <DialogClose asChild>
              <Button id="deactivate-keep" variant="secondary" size="lg">
                {l.keep}
              </Button>
            </DialogClose>
            <Button
              variant="danger"
              size="lg"
              onClick={() => {
                confirmed.current = true;
                setConfirming(false);
                form.current?.requestSubmit();
              }}
            >
              {l.deactivateConfirm}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
      <ActionForm action={updateAction.bind(null, p.id)} success={l.success} onSubmit={onSubmit}>
        <Field name="name" label={l.name} required defaultValue={p.name} autoComplete="off" />
        <Field name="phone" label={l.phone} type="tel" defaultValue={p.phone ?? ""} autoComplete="off" />
        <SelectField name="role" label={l.role} options={props.roles} defaultValue={p.role} />
        <Bodies label={l.bodies} hint={l.bodiesHint} options={props.bodies} selected={p.bodyIds} />
        <Active label={l.active} hint={l.activeHint} checked={p.active} />
        <Submit>{l.submit}</Submit>
      </ActionForm>
    </>
  );
}
