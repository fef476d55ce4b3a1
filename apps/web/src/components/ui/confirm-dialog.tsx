"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "../../lib/form-state.ts";
import { ActionForm, TextAreaField, useFormState } from "../form.tsx";
import { Button, type ButtonSize, type ButtonVariant } from "./button.tsx";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "./dialog.tsx";

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

/**
 * A destructive action behind a confirmation: the trigger opens a dialog that names the
 * consequence; « Cancel » gets the focus (or the reason field when there is one) and comes first;
 * the destructive button is red, never the default. Escape or « Cancel » changes nothing.
 * The action is a server action `(state, formData) => FormState`; `fields` are posted as hidden
 * inputs, the optional reason as `reason.name` (default `reason`). Errors show in the dialog.
 */
export function ConfirmDialog({
  trigger,
  triggerVariant = "secondary",
  triggerSize = "md",
  triggerClassName,
  title,
  consequence,
  confirmLabel,
  cancelLabel,
  action,
  fields,
  reason,
  children,
}: {
  trigger: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  triggerClassName?: string;
  title: string;
  consequence: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  action: Action;
  fields?: Record<string, string>;
  reason?: { label: string; hint?: string; required?: boolean; name?: string };
  /** Extra fields (e.g. an effective date), shown before the reason. */
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={triggerVariant} size={triggerSize} className={triggerClassName}>
          {trigger}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={title}
        description={consequence}
        onOpenAutoFocus={(e) => {
          if (reason || children) return; // Radix focuses the first field.
          e.preventDefault();
          cancelRef.current?.focus();
        }}
      >
        <ActionForm action={action} className="flex flex-col gap-4">
          <CloseOnSuccess onSuccess={() => setOpen(false)} />
          {Object.entries(fields ?? {}).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          {children}
          {reason ? (
            <TextAreaField
              name={reason.name ?? "reason"}
              label={reason.label}
              hint={reason.hint}
              required={reason.required}
              rows={3}
            />
          ) : null}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <DialogClose asChild>
              <Button ref={cancelRef} variant="secondary" size="lg">
                {cancelLabel}
              </Button>
            </DialogClose>
            <ConfirmButton>{confirmLabel}</ConfirmButton>
          </div>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}

function ConfirmButton({ children }: { children: ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="danger" size="lg" disabled={pending} aria-disabled={pending}>
      {children}
    </Button>
  );
}

function CloseOnSuccess({ onSuccess }: { onSuccess: () => void }) {
  const state = useFormState();
  useEffect(() => {
    if (state.ok) onSuccess();
  }, [state, onSuccess]);
  return null;
}
