"use client";
import { DropdownMenu as M } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn.ts";

export const DropdownMenu = M.Root;
export const DropdownMenuTrigger = M.Trigger;
export const DropdownMenuGroup = M.Group;

/** The menu panel (arrow keys move, type-ahead, Escape closes and returns focus to the trigger). */
export function DropdownMenuContent({
  children,
  className,
  align = "start",
}: {
  children: ReactNode;
  className?: string;
  align?: "start" | "center" | "end";
}) {
  return (
    <M.Portal>
      <M.Content
        align={align}
        sideOffset={4}
        className={cn(
          "z-50 min-w-48 rounded-md border border-slate-200 bg-white p-1 text-slate-900 shadow-lg",
          className,
        )}
      >
        {children}
      </M.Content>
    </M.Portal>
  );
}

const itemClass =
  "flex cursor-pointer select-none items-center gap-2 rounded px-3 py-2 text-sm text-slate-800 no-underline outline-none " +
  "data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-800 hover:no-underline";

export function DropdownMenuItem({ className, ...props }: ComponentProps<typeof M.Item>) {
  return <M.Item className={cn(itemClass, className)} {...props} />;
}

/** An item that is a link: pass the `<Link>` as the only child (rendered with asChild). */
export function DropdownMenuLinkItem({ children, current }: { children: ReactNode; current?: boolean }) {
  return (
    <M.Item asChild className={cn(itemClass, current && "bg-brand-100 font-semibold text-brand-800")}>
      {children}
    </M.Item>
  );
}

export function DropdownMenuLabel({ children }: { children: ReactNode }) {
  return (
    <M.Label className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
      {children}
    </M.Label>
  );
}

export function DropdownMenuSeparator() {
  return <M.Separator className="my-1 h-px bg-slate-200" />;
}
