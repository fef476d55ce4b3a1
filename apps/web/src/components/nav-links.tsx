"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** Navigation links; an item may carry a badge (a count waiting for the user) with its spoken text. */
export function NavLinks({
  items,
}: {
  items: { href: string; label: string; badge?: { text: string; label: string } }[];
}) {
  const pathname = usePathname();
  return (
    <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-2">
      {items.map((item) => {
        const current = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={`inline-block rounded-md px-3 py-2 text-sm font-medium no-underline hover:bg-brand-50 hover:no-underline ${
                current ? "bg-brand-100 text-brand-800" : "text-slate-700"
              }`}
            >
              {item.label}
              {item.badge ? (
                <>
                  {" "}
                  <span
                    aria-hidden="true"
                    className="ml-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900"
                  >
                    {item.badge.text}
                  </span>
                  <span className="sr-only">{item.badge.label}</span>
                </>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
