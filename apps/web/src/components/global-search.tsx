"use client";
// The header's search box for provider staff: tickets by number or words, bodies, people and
// conventions, on /recherche. The "/" key focuses it, unless the person is typing in a field or
// the page has its own search box (the queue's), which then keeps the key.
import { Search } from "lucide-react";
import { useEffect, useRef } from "react";

export function GlobalSearch({
  label,
  placeholder,
  submit,
  defaultValue,
}: {
  label: string;
  placeholder: string;
  submit: string;
  defaultValue?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName))) return;
      if (document.getElementById("q")) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <form role="search" action="/recherche" method="get" className="flex items-center">
      <label htmlFor="global-search" className="sr-only">
        {label}
      </label>
      <div className="relative">
        <input
          ref={input}
          id="global-search"
          name="q"
          type="search"
          required
          minLength={2}
          maxLength={200}
          defaultValue={defaultValue}
          placeholder={placeholder}
          aria-keyshortcuts="/"
          className="w-44 rounded-md border border-slate-400 bg-white py-1.5 pl-3 pr-8 text-sm text-slate-900 placeholder:text-slate-600 sm:w-64"
        />
        <button
          type="submit"
          aria-label={submit}
          className="absolute inset-y-0 right-0 flex items-center px-2 text-slate-700 hover:text-brand-800"
        >
          <Search aria-hidden="true" className="h-4 w-4" />
        </button>
      </div>
    </form>
  );
}
