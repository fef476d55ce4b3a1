"use client";
import { Tooltip as T } from "radix-ui";
import type { ReactNode } from "react";

/**
 * A short hint shown on hover and keyboard focus of its trigger (a focusable element, passed as
 * the only child). Never the only place of essential information: touch screens do not show it.
 */
export function Tooltip({ content, children }: { content: ReactNode; children: ReactNode }) {
  return (
    <T.Provider delayDuration={300}>
      <T.Root>
        <T.Trigger asChild>{children}</T.Trigger>
        <T.Portal>
          <T.Content
            sideOffset={4}
            className="z-50 max-w-xs rounded bg-slate-900 px-2 py-1 text-sm text-white shadow"
          >
            {content}
            <T.Arrow className="fill-slate-900" />
          </T.Content>
        </T.Portal>
      </T.Root>
    </T.Provider>
  );
}
