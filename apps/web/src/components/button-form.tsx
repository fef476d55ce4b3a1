"use client";
import type { FormState } from "../lib/form-state.ts";
import { ActionForm, Submit } from "./form.tsx";

/** A one-button form posting to a server action; errors show above the button. */
export function ButtonForm({
  action,
  label,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  label: string;
}) {
  return (
    <ActionForm action={action} className="flex flex-col gap-2">
      <Submit>{label}</Submit>
    </ActionForm>
  );
}
