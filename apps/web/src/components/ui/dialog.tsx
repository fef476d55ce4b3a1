"use client";
import { Dialog as D } from "radix-ui";
import { X } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn.ts";

export const Dialog = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;

/**
 * A modal dialog: focus trapped, Escape and the close button dismiss it, focus returns to the
 * trigger. `title` is required (it names the dialog for screen readers).
 */
export function DialogContent({
  title,
  description,
  closeLabel,
  children,
  className,
  onOpenAutoFocus,
}: {
  title: ReactNode;
  description?: ReactNode;
  /** Accessible name of the × button; no × button without it. */
  closeLabel?: string;
  children?: ReactNode;
  className?: string;
  onOpenAutoFocus?: (e: Event) => void;
}) {
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
      <D.Content
        onOpenAutoFocus={onOpenAutoFocus}
        className={cn(
          "fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2",
          "overflow-y-auto rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl",
          className,
        )}
      >
        <div className="flex items-start justify-between gap-4">
          <D.Title className="text-lg font-semibold">{title}</D.Title>
          {closeLabel ? (
            <D.Close
              aria-label={closeLabel}
              className="-m-1 rounded p-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900"
            >
              <X aria-hidden="true" className="size-5" />
            </D.Close>
          ) : null}
        </div>
        {description ? (
          <D.Description className="mt-2 text-slate-700">{description}</D.Description>
        ) : (
          <D.Description className="sr-only">{title}</D.Description>
        )}
        {children ? <div className="mt-4">{children}</div> : null}
      </D.Content>
    </D.Portal>
  );
}
