"use client";
// The navigation as a dialog on phones and narrow windows (loaded when wanted, see nav-links.tsx).
import { Menu } from "lucide-react";
import Link from "next/link";
import { Badge, isCurrent, menuButtonClass, type NavSection } from "./nav-parts.tsx";
import { cn } from "./ui/cn.ts";
import { Dialog, DialogContent, DialogTrigger } from "./ui/dialog.tsx";

export function NavMenu({
  sections,
  labels,
  pathname,
  open,
  setOpen,
}: {
  sections: NavSection[];
  labels: { menu: string; navLabel: string; close: string };
  pathname: string;
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className={menuButtonClass} aria-haspopup="dialog">
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
  );
}
