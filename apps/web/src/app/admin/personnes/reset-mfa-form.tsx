"use client";
// Resetting a person's second factor: a checkbox naming the consequence must be ticked first.
import { ActionForm, useFormState } from "../../../components/form.tsx";
import type { FormState } from "../../../lib/form-state.ts";

function ConfirmAndSubmit({ confirm, submit }: { confirm: string; submit: string }) {
  const error = useFormState().fieldErrors?.confirm;
  return (
    <>
      <div className="flex items-start gap-2">
        <input
          id="f-confirm"
          name="confirm"
          type="checkbox"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "f-confirm-error" : undefined}
          className="mt-1.5"
        />
        <label htmlFor="f-confirm">{confirm}</label>
      </div>
      {error ? (
        <p id="f-confirm-error" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      <div>
        <button
          type="submit"
          className="rounded-md border border-red-700 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-50"
        >
          {submit}
        </button>
      </div>
    </>
  );
}

export function ResetSecondFactorForm({
  action,
  labels,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  labels: { confirm: string; submit: string; done: string };
}) {
  return (
    <ActionForm action={action} success={labels.done}>
      <ConfirmAndSubmit confirm={labels.confirm} submit={labels.submit} />
    </ActionForm>
  );
}
