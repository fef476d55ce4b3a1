"use client";
// Inside an ActionForm whose action answers { ok, data: { recoveryCodes } }: once the codes are
// there, they are shown (once: they are not stored in clear) instead of the form's fields.
import type { ReactNode } from "react";
import { useFormState } from "./form.tsx";

export function RecoveryCodesOnce({
  children,
  title,
  lead,
  continueLabel,
  continueHref,
}: {
  children: ReactNode;
  title: string;
  lead: string;
  continueLabel: string;
  /** Where to go next (a full page load, so that the header shows the signed-in person). */
  continueHref?: string;
}) {
  const state = useFormState();
  const codes = (state.data as { recoveryCodes?: string[] } | undefined)?.recoveryCodes;
  if (!state.ok || !codes) return <>{children}</>;
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-slate-900">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      <p className="mb-3">{lead}</p>
      <ul
        aria-label={title}
        className="mb-4 grid grid-cols-2 gap-2 font-mono text-lg"
        data-testid="recovery-codes"
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {continueHref ? (
        <a
          href={continueHref}
          className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white! no-underline hover:bg-brand-800"
        >
          {continueLabel}
        </a>
      ) : null}
    </div>
  );
}
