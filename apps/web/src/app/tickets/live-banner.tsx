"use client";
// The live queue's banner, loaded after the page: its query client (TanStack Query, tRPC, superjson)
// stays out of every page's first load. Until it arrives, the same empty polite region stands.
import dynamic from "next/dynamic";

export const LiveBanner = dynamic(() => import("./live-banner-poll.tsx").then((m) => m.LiveBanner), {
  ssr: false,
  loading: () => <div aria-live="polite" className="min-h-8" />,
});
