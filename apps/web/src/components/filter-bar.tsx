// The GET forms above lists (filters and searches): labelled fields in a row, one submit button.
// They work without JavaScript, and their values stay in the address (bookmarks, back button).
import type { ReactNode } from "react";

const field = "rounded-md border border-slate-400 bg-white px-3 py-2";

export function FilterBar({
  label,
  submit,
  children,
  search,
  boxed = true,
}: {
  label: string;
  submit: string;
  children: ReactNode;
  search?: boolean;
  boxed?: boolean;
}) {
  return (
    <form
      method="get"
      role={search ? "search" : undefined}
      aria-label={label}
      className={`mb-6 flex flex-wrap items-end gap-3 ${boxed ? "rounded-lg border border-slate-200 bg-white p-4" : ""}`}
    >
      {children}
      <button
        type="submit"
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
      >
        {submit}
      </button>
    </form>
  );
}

export function FilterSelect({
  name,
  label,
  value,
  options,
  all,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  all?: string;
}) {
  return (
    <div className="flex min-w-0 max-w-full flex-col gap-1">
      <label htmlFor={name} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className={field}>
        {all !== undefined ? <option value="">{all}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterInput({
  name,
  label,
  value,
  type = "text",
  maxLength,
  wide,
}: {
  name: string;
  label: string;
  value: string | undefined;
  type?: "text" | "search" | "date";
  maxLength?: number;
  wide?: boolean;
}) {
  return (
    <div className="flex min-w-0 max-w-full flex-col gap-1">
      <label htmlFor={name} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={value ?? ""}
        maxLength={maxLength}
        className={`${field} ${wide ? "w-72" : ""}`}
      />
    </div>
  );
}
