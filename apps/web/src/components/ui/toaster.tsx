"use client";
import { useEffect, useRef } from "react";
import { Toaster as Sonner, toast } from "sonner";

export { toast };

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

/**
 * Shows a success toast once when rendered (e.g. after a redirect with a flag in the URL);
 * the page also renders the message as a status banner, so nothing depends on the toast alone.
 */
export function ToastOnMount({ message }: { message: string }) {
  const shown = useRef(false);
  useEffect(() => {
    if (shown.current) return;
    shown.current = true;
    toast.success(message);
  }, [message]);
  return null;
}
