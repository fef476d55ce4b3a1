"use client";
// The toast region itself (sonner); loaded after the page by toast-region-lazy.tsx.
import { Toaster as Sonner } from "sonner";

/** The toast region (one, in the root layout): polite announcements, visible colours. */
export function Toaster({ label }: { label: string }) {
  return (
    <Sonner
      position="bottom-right"
      containerAriaLabel={label}
      toastOptions={{
        classNames: {
          toast: "!bg-white !text-slate-900 !border !border-slate-300 !shadow-lg",
          description: "!text-slate-700",
          success: "!border-green-700",
          error: "!border-red-700",
        },
      }}
    />
  );
}
