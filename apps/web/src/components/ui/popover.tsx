"use client";
import { Popover as P } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "./cn.ts";

export const Popover = P.Root;
export const PopoverTrigger = P.Trigger;
export const PopoverClose = P.Close;

/** A non-modal panel anchored to its trigger (Escape or a click outside closes it). */
export function PopoverContent({
  children,
  className,
  align = "start",
  label,
}: {
  children: ReactNode;
  className?: string;
  align?: "start" | "center" | "end";
  /** Accessible name of the panel when it has no heading. */
  label?: string;
}) {
  return (
    <P.Portal>
      <P.Content
        align={align}
        sideOffset={6}
        aria-label={label}
        className={cn(
          "z-50 max-w-[calc(100vw-1rem)] rounded-md border border-slate-200 bg-white p-4 text-slate-900 shadow-lg",
          className,
        )}
      >
        {children}
      </P.Content>
    </P.Portal>
  );
}
