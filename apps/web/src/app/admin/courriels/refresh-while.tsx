"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page every two seconds while `active` (a result the worker has yet to write). */
export function RefreshWhile({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
