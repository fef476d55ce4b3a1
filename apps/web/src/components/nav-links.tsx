"use client";
// The main navigation. Wide screens: loose links and, for staff, the links grouped under Support,
// Référentiel and Administration (one click to any section, as technicians jump between them). Phones: a « Menu » button opening a dialog with every link,
// grouped under headings (focus trapped, Escape closes, focus returns to the button).
import { Menu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { cn } from "./ui/cn.ts";
import { Badge, barLink, isCurrent, menuButtonClass, type NavEntry, type NavSection } from "./nav-parts.tsx";

// The phone menu's dialog (Radix) loads when wanted: it stays out of every page's first-load JS.
const NavMenu = lazy(() => import("./nav-menu.tsx").then((m) => ({ default: m.NavMenu })));

export type { NavEntry, NavSection };

export function NavLinks({
  sections,
  labels,
}: {
  sections: NavSection[];
  labels: { menu: string; navLabel: string; close: string };
}) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [menu, setMenu] = useState(false);
  // Until the menu's code is wanted (pointer over it, or a click), a plain button stands in.
  const menuButton = (
    <button
      type="button"
      className={menuButtonClass}
      aria-haspopup="dialog"
      aria-expanded={false}
      onPointerEnter={() => setMenu(true)}
      onClick={() => {
        setMenu(true);
        setOpen(true);
      }}
    >
      <Menu aria-hidden="true" className="size-5" />
      {labels.menu}
    </button>
  );
  return (
    <div className="mx-auto max-w-6xl px-2">
      {/* Phones and narrow windows */}
      <div className="py-1 md:hidden">
        {menu ? (
          <Suspense fallback={menuButton}>
            <NavMenu sections={sections} labels={labels} pathname={pathname} open={open} setOpen={setOpen} />
          </Suspense>
        ) : (
          menuButton
        )}
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
