"use client";
// The progress of one export being prepared: polls its small status endpoint every second and reloads
// the list once it is ready or failed (the download link then appears).
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";

type Status = { status: string; progress: number; rowsDone: number | null; rowsTotal: number | null };

export function ExportProgress({
  id,
  initial,
  labels,
}: {
  id: string;
  initial: Status;
  labels: { progress: string; statuses: Record<string, string>; rows: string; percent: string };
}) {
  const [s, setS] = useState<Status>(initial);
  const router = useRouter();
  const active = s.status === "queued" || s.status === "running";
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/rapports/exports/${id}/etat`, { cache: "no-store" });
      if (!res.ok) return;
      const next = (await res.json()) as Status;
      setS(next);
      if (next.status !== "queued" && next.status !== "running") router.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, id, router]);
  const fill = (t: string, v: Record<string, string | number>) =>
    t.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ""));
  const percent = fill(labels.percent, { percent: s.progress });
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <progress className="h-3 w-40" max={100} value={s.progress} aria-label={labels.progress}>
          {percent}
        </progress>
        <span>{percent}</span>
      </div>
      <p className="text-sm text-slate-800" aria-live="polite" data-testid="export-status">
        {labels.statuses[s.status] ?? s.status}
        {s.rowsTotal !== null && s.rowsDone !== null
          ? ` · ${fill(labels.rows, { done: s.rowsDone.toLocaleString("fr-FR"), total: s.rowsTotal.toLocaleString("fr-FR") })}`
          : ""}
      </p>
    </div>
  );
}
