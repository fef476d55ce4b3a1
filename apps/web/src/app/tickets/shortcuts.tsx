"use client";
// Queue keyboard shortcuts: "/" search, "j"/"k" next/previous ticket, "n" new ticket.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function QueueShortcuts({ newHref }: { newHref: string }) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        (el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName)))
      )
        return;
      const links = [...document.querySelectorAll<HTMLAnchorElement>("a[data-ticket-link]")];
      const index = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (e.key === "/") {
        e.preventDefault();
        document.querySelector<HTMLInputElement>("#q")?.focus();
      } else if (e.key === "j" || e.key === "k") {
        e.preventDefault();
        const next = e.key === "j" ? Math.min(links.length - 1, index + 1) : Math.max(0, index - 1);
        links[next]?.focus();
      } else if (e.key === "n") {
        e.preventDefault();
        router.push(newHref);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, newHref]);
  return null;
}
