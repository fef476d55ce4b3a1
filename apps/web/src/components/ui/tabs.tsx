"use client";
import { Tabs as T } from "radix-ui";
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn.ts";

/** Client-side tabs (ARIA tabs: arrow keys move between tabs, each tab controls its panel). */
export const Tabs = T.Root;

export function TabsList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <T.List aria-label={label} className="flex gap-1 overflow-x-auto border-b border-slate-300">
      {children}
    </T.List>
  );
}

const tabClass =
  "-mb-px whitespace-nowrap border-b-2 px-4 py-2 font-medium no-underline hover:no-underline " +
  "border-transparent text-slate-700 hover:text-slate-900 hover:border-slate-400";
const currentTabClass = "border-brand-700 text-brand-800";

export function TabsTrigger({ className, ...props }: ComponentProps<typeof T.Trigger>) {
  return (
    <T.Trigger
      className={cn(
        tabClass,
        "data-[state=active]:border-brand-700 data-[state=active]:text-brand-800",
        className,
      )}
      {...props}
    />
  );
}

export const TabsContent = T.Content;

/**
 * Tabs that are links (the server renders the list for the chosen tab, so the tab is in the URL
 * and works without JavaScript): a navigation with `aria-current="page"` on the chosen one.
 */
export function LinkTabs({
  label,
  tabs,
}: {
  label: string;
  tabs: { href: string; label: ReactNode; current: boolean }[];
}) {
  return (
    <nav aria-label={label}>
      <ul className="flex gap-1 overflow-x-auto border-b border-slate-300">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={cn(tabClass, "inline-block min-h-11", tab.current && currentTabClass)}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
