"use client";
// The main navigation. Wide screens: loose links and, for staff, the links grouped under Support,
// Référentiel and Administration (one click to any section, as technicians jump between them). Phones: a « Menu » button opening a dialog with every link,
// grouped under headings (focus trapped, Escape closes, focus returns to the button).
import { Menu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { cn } from "./ui/cn.ts";
import { Dialog, DialogContent, DialogTrigger } from "./ui/dialog.tsx";

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

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

function Badge({ badge }: { badge?: NavEntry["badge"] }) {
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

const barLink =
  "inline-flex min-h-10 items-center rounded-md px-2.5 py-2 text-sm font-medium no-underline hover:bg-brand-50 hover:no-underline";

export function NavLinks({
  sections,
  labels,
}: {
  sections: NavSection[];
  labels: { menu: string; navLabel: string; close: string };
}) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <div className="mx-auto max-w-6xl px-2">
      {/* Phones and narrow windows */}
      <div className="py-1 md:hidden">
        <Dialog open={open} onOpenChange={setOpen}>
          <DialogTrigger
            className={cn(barLink, "min-h-11 gap-2 border border-slate-300 text-slate-800")}
            aria-haspopup="dialog"
          >
            <Menu aria-hidden="true" className="size-5" />
            {labels.menu}
          </DialogTrigger>
          <DialogContent title={labels.navLabel} closeLabel={labels.close} className="top-4 translate-y-0">
            <nav aria-label={labels.navLabel} className="flex flex-col gap-4">
              {sections.map((s, i) => (
                <div key={s.label ?? `loose-${i}`}>
                  {s.label ? (
                    <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
                      {s.label}
                    </h2>
                  ) : null}
                  <ul className="flex flex-col">
                    {s.items.map((item) => {
                      const current = isCurrent(pathname, item.href);
                      return (
                        <li key={item.href}>
                          <Link
                            href={item.href}
                            onClick={() => setOpen(false)}
                            aria-current={current ? "page" : undefined}
                            className={cn(
                              "flex min-h-11 items-center rounded-md px-3 py-2 no-underline hover:bg-brand-50 hover:no-underline",
                              current ? "bg-brand-100 font-semibold text-brand-800" : "text-slate-800",
                            )}
                          >
                            {item.label}
                            <Badge badge={item.badge} />
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ))}
            </nav>
          </DialogContent>
        </Dialog>
      </div>

      {/* Wide screens: loose links, and each staff group as a labelled list of its own */}
      <ul className="hidden flex-wrap items-center gap-x-1 gap-y-0.5 py-0.5 md:flex">
        {sections.map((s, i) =>
          s.label === null ? (
            s.items.map((item) => <BarLink key={item.href} item={item} pathname={pathname} />)
          ) : (
            <li key={s.label} className="flex items-center border-l border-slate-200 pl-2">
              <span
                id={`nav-group-${i}`}
                aria-hidden="true"
                className="mr-1 text-xs font-semibold uppercase tracking-wide text-slate-600"
              >
                {s.label}
              </span>
              <ul aria-labelledby={`nav-group-${i}`} className="flex flex-wrap items-center gap-1">
                {s.items.map((item) => (
                  <BarLink key={item.href} item={item} pathname={pathname} />
                ))}
              </ul>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

function BarLink({ item, pathname }: { item: NavEntry; pathname: string }) {
  const current = isCurrent(pathname, item.href);
  return (
    <li>
      <Link
        href={item.href}
        aria-current={current ? "page" : undefined}
        className={cn(barLink, current ? "bg-brand-100 text-brand-800" : "text-slate-700")}
      >
        {item.label}
        <Badge badge={item.badge} />
      </Link>
    </li>
  );
}
