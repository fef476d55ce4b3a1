"use client";
// Forms posting to server actions: work without JavaScript, keep what was typed on error, show
// the error summary in an alert and each field's error next to it (aria-invalid, aria-describedby).
import { createContext, useActionState, useContext, type ReactNode } from "react";
import { initialFormState, type FormState } from "../lib/form-state.ts";
import { buttonClass } from "./ui/button.tsx";

const Ctx = createContext<FormState>(initialFormState);

export function ActionForm({
  action,
  children,
  className,
  success,
  encType,
  onSubmit,
}: {
  action: (state: FormState, fd: FormData) => Promise<FormState>;
  children: ReactNode;
  className?: string;
  success?: ReactNode;
  encType?: "multipart/form-data";
  /** Runs before the action; `preventDefault()` stops it (e.g. to ask for a confirmation first). */
  onSubmit?: (e: React.FormEvent<HTMLFormElement>) => void;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <Ctx.Provider value={state}>
      <form
        action={formAction}
        className={className ?? "flex max-w-xl flex-col gap-4"}
        aria-busy={pending}
        encType={encType}
        onSubmit={onSubmit}
      >
        {state.message ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
            {state.message}
          </p>
        ) : null}
        {state.ok && success ? (
          <p
            role="status"
            className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900"
          >
            {success}
          </p>
        ) : null}
        {children}
      </form>
    </Ctx.Provider>
  );
}

export function useFormState(): FormState {
  return useContext(Ctx);
}

// min-h-11: a 44 px touch target on a phone (WCAG 2.5.5).
const inputClass =
  "min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";

export function Field({
  name,
  label,
  type = "text",
  required,
  autoComplete,
  hint,
  defaultValue,
  inputMode,
  maxLength,
}: {
  name: string;
  label: string;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  hint?: string;
  defaultValue?: string;
  inputMode?: "numeric" | "email" | "text";
  maxLength?: number;
}) {
  const state = useFormState();
  const error = state.fieldErrors?.[name];
  const id = `f-${name}`;
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const value = type === "password" ? undefined : (state.values?.[name] ?? defaultValue);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-slate-800">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        defaultValue={value}
        key={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({
  name,
  label,
  options,
  required,
  defaultValue,
  multiple,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  required?: boolean;
  defaultValue?: string | string[];
  multiple?: boolean;
}) {
  const state = useFormState();
  const error = state.fieldErrors?.[name];
  const id = `f-${name}`;
  const typed = state.values?.[name];
  // A multiple select given back after an error: its values, one a line (see formValues).
  const value = typed === undefined ? defaultValue : multiple ? typed.split("\n") : typed;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-slate-800">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select
        id={id}
        name={name}
        required={required}
        multiple={multiple}
        defaultValue={value}
        key={String(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The form's submit button; `thumb`: thumb-sized and full width on a phone (a form's primary action). */
export function Submit({ children, thumb }: { children: ReactNode; thumb?: boolean }) {
  return (
    <div>
      <button
        type="submit"
        className={buttonClass(thumb ? { size: "lg", className: "w-full sm:w-auto" } : undefined)}
      >
        {children}
      </button>
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  required,
  hint,
  defaultValue,
  rows = 5,
}: {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  defaultValue?: string;
  rows?: number;
}) {
  const state = useFormState();
  const error = state.fieldErrors?.[name];
  const id = `f-${name}`;
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const value = state.values?.[name] ?? defaultValue;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-slate-800">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        required={required}
        rows={rows}
        defaultValue={value}
        key={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A file input (several files allowed); never refilled after an error, by browser design. */
export function FileField({
  name,
  label,
  hint,
  multiple,
}: {
  name: string;
  label: string;
  hint?: string;
  multiple?: boolean;
}) {
  const state = useFormState();
  const error = state.fieldErrors?.file ?? state.fieldErrors?.[name];
  const id = `f-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="file"
        multiple={multiple}
        className="min-h-11 py-2 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3"
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined
        }
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
