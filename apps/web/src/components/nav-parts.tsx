// What the navigation bar and its phone menu share: entries, the current page, the count badge.
import { cn } from "./ui/cn.ts";

export interface NavEntry {
  href: string;
  label: string;
  /** A count waiting for the user, with its spoken text. */
  badge?: { text: string; label: string };
}
export interface NavSection {
  /** null: links shown directly in the bar. */
  label: string | null;
  items: NavEntry[];
}

export function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function Badge({ badge }: { badge?: NavEntry["badge"] }) {
  if (!badge) return null;
  return (
    <>
      {" "}
      <span
        aria-hidden="true"
        className="ml-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900"
      >
        {badge.text}
      </span>
      <span className="sr-only">{badge.label}</span>
    </>
  );
}

export const barLink =
  "inline-flex min-h-10 items-center rounded-md px-2.5 py-2 text-sm font-medium no-underline hover:bg-brand-50 hover:no-underline";

export const menuButtonClass = cn(barLink, "min-h-11 gap-2 border border-slate-300 text-slate-800");
