"use client";
// The toast region, loaded after the page: sonner stays out of every page's first-load JS. A toast
// never carries a message alone (ToastOnMount pairs it with a status banner), so one raised in
// the instant before the region arrives loses nothing.
import dynamic from "next/dynamic";

export const Toaster = dynamic(() => import("./toast-region.tsx").then((m) => m.Toaster), { ssr: false });
