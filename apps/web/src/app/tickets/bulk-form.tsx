"use client";
// The queue's bulk actions: a compact toolbar above the table (assign, change status) acting on
// the checked rows; a select-all box in the table's header; the number of checked rows announced.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { ActionForm, useFormState } from "../../components/form.tsx";
import { Button } from "../../components/ui/button.tsx";
import type { FormState } from "../../lib/form-state.ts";

function Report() {
  const t = useTranslations("tickets");
  const state = useFormState();
  const data = state.data as { updated: number; results: { ok: boolean }[] } | undefined;
  if (!data) return null;
  return (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-1.5 text-sm">
      {t("bulkDone", { updated: data.updated, total: data.results.length })}
    </p>
  );
}

const boxes = (form: HTMLFormElement | null | undefined) => [
  ...(form?.querySelectorAll<HTMLInputElement>('input[type=checkbox][name="ticketIds"]') ?? []),
];

/** Follows the checked rows of the enclosing form. */
function useChecked(ref: React.RefObject<HTMLElement | null>) {
  const [state, setState] = useState({ checked: 0, total: 0 });
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const update = () => {
      const all = boxes(form);
      setState({ checked: all.filter((b) => b.checked).length, total: all.length });
    };
    update();
    form.addEventListener("change", update);
    form.addEventListener("reset", () => setTimeout(update));
    return () => form.removeEventListener("change", update);
  }, [ref]);
  return state;
}

/** The header checkbox: checks or unchecks every row (mixed when some are checked). */
export function SelectAll({ label }: { label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const { checked, total } = useChecked(ref);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = checked > 0 && checked < total;
  }, [checked, total]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      checked={total > 0 && checked === total}
      disabled={total === 0}
      onChange={(e) => {
        for (const b of boxes(e.currentTarget.form)) b.checked = e.currentTarget.checked;
        e.currentTarget.form?.dispatchEvent(new Event("change", { bubbles: true }));
      }}
      className="size-4 align-middle"
    />
  );
}

function Selected() {
  const t = useTranslations("queue");
  const ref = useRef<HTMLSpanElement>(null);
  const { checked } = useChecked(ref);
  return (
    <span ref={ref} className="text-sm text-slate-700" aria-live="polite">
      {t("selected", { n: checked })}
    </span>
  );
}

function Select({
  name,
  label,
  options,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}) {
  const id = `bulk-${name}`;
  return (
    <span className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue=""
        className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}

export function BulkForm({
  action,
  staff,
  children,
  empty,
  aside,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  staff: { value: string; label: string }[];
  children: ReactNode;
  empty: boolean;
  /** Shown at the end of the toolbar (the live banner). */
  aside?: ReactNode;
}) {
  const t = useTranslations("tickets");
  return (
    <ActionForm action={action} className="flex flex-col gap-2">
      <Report />
      <div className="flex flex-wrap items-center gap-2">
        <fieldset
          className="flex flex-1 flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white px-3 py-1.5"
          disabled={empty}
        >
          <legend className="sr-only">{t("bulk")}</legend>
          <Selected />
          <Select
            name="bulkAssignee"
            label={t("bulkAssignee")}
            options={[
              { value: "", label: t("noChange") },
              { value: "none", label: t("unassigned") },
              ...staff,
            ]}
          />
          <Select
            name="bulkStatus"
            label={t("bulkStatus")}
            options={[
              { value: "", label: t("noChange") },
              ...["in_progress", "waiting_partner", "resolved", "cancelled"].map((s) => ({
                value: s,
                label: t(`status.${s}`),
              })),
            ]}
          />
          <Button type="submit" size="sm">
            {t("bulkApply")}
          </Button>
        </fieldset>
        {aside}
      </div>
      {children}
    </ActionForm>
  );
}
