"use client";
// The live queue (loaded lazily, see live-banner.tsx): every few seconds, a cheap "changed since" query under the page's filters. New
// or changed tickets are announced politely; the list refreshes only when the person asks, so no
// row moves under their cursor.
import { useQuery } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { ListTicketsInput } from "@mutuo/core/tickets";
import { TRPCProvider, useTRPC } from "../../trpc/client.tsx";

function Banner({
  filters,
  mark,
  everyMs = 10_000,
}: {
  filters: Omit<ListTicketsInput, "cursor" | "limit">;
  mark: string;
  everyMs?: number;
}) {
  const t = useTranslations("queue.live");
  const trpc = useTRPC();
  const router = useRouter();
  const [pending, start] = useTransition();
  const { data } = useQuery({
    ...trpc.tickets.changes.queryOptions({ ...filters, since: mark }),
    refetchInterval: everyMs,
    staleTime: 0,
  });
  const parts = [
    data?.created ? t("created", { n: data.created }) : null,
    data?.changed ? t("changed", { n: data.changed }) : null,
  ].filter(Boolean);
  return (
    <div aria-live="polite" className="min-h-8">
      {parts.length ? (
        <button
          type="button"
          onClick={() => start(() => router.refresh())}
          disabled={pending}
          className="inline-flex min-h-8 items-center gap-2 rounded-full border border-brand-700 bg-brand-50 px-3 py-1 text-sm font-medium text-brand-800 hover:bg-brand-100"
        >
          <RefreshCw aria-hidden="true" className={`size-4 ${pending ? "animate-spin" : ""}`} />
          {parts.join(" · ")} — {t("refresh")}
        </button>
      ) : null}
    </div>
  );
}

/** The banner with its own query client: the only part of the web app that calls tRPC from the browser. */
export function LiveBanner(props: Parameters<typeof Banner>[0]) {
  return (
    <TRPCProvider>
      <Banner {...props} />
    </TRPCProvider>
  );
}
