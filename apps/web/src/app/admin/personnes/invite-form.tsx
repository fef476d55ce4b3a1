"use client";
import { ActionForm, Field, SelectField, Submit } from "../../../components/form.tsx";
import { inviteAction } from "./actions.ts";

export function InviteForm(props: {
  labels: {
    email: string;
    name: string;
    role: string;
    body: string;
    locale: string;
    submit: string;
    success: string;
    noBody: string;
  };
  roles: { value: string; label: string }[];
  bodies: { value: string; label: string }[];
}) {
  const l = props.labels;
  return (
    <ActionForm action={inviteAction} success={l.success}>
      <Field name="name" label={l.name} required autoComplete="off" />
      <Field name="email" label={l.email} type="email" required autoComplete="off" />
      <SelectField name="role" label={l.role} options={props.roles} defaultValue="agent" />
      <SelectField name="bodyId" label={l.body} options={[{ value: "", label: l.noBody }, ...props.bodies]} />
      <SelectField
        name="locale"
        label={l.locale}
        options={[
          { value: "fr", label: "Français" },
          { value: "en", label: "English" },
        ]}
      />
      <Submit>{l.submit}</Submit>
    </ActionForm>
  );
}
