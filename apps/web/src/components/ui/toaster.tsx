"use client";
import { useEffect, useRef } from "react";
import { toast } from "sonner";

export { toast };
export { Toaster } from "./toast-region-lazy.tsx";

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
