"use client";
// Live progress of a job's latest run: polls the small progress endpoint every second while a run is
// queued or running, and reloads the page's data once it ends.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";

type Run = {
  kind: string;
  status: string;
  percent: number;
  rowsRead: number;
  rowsValid: number;
  rowsInvalid: number;
  duplicateKeys: number;
  rowsPerSecond: number;
  secondsLeft: number | null;
};

export function RunProgress({
  jobId,
  initial,
  labels,
}: {
  jobId: string;
  initial: Run | null;
  labels: {
    progress: string;
    kinds: Record<string, string>;
    statuses: Record<string, string>;
    rows: string;
    speed: string;
    eta: string;
  };
}) {
  const [run, setRun] = useState<Run | null>(initial);
  const router = useRouter();
  const active = run?.status === "queued" || run?.status === "running";
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/reprises/${jobId}/progression`, { cache: "no-store" });
      if (!res.ok) return;
      const next = (await res.json()) as { run: Run | null };
      setRun(next.run);
      if (next.run && next.run.status !== "queued" && next.run.status !== "running") router.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, jobId, router]);
  if (!run) return null;
  const fill = (s: string, v: Record<string, string | number>) =>
    s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ""));
  return (
    <div className="my-4 rounded-md border border-slate-300 p-4" data-testid="run-progress">
      <p className="font-medium">
        {labels.kinds[run.kind]} — <span data-testid="run-status">{labels.statuses[run.status]}</span>
      </p>
      <div className="mt-2 flex items-center gap-3">
        <progress className="h-3 w-full max-w-md" max={100} value={run.percent} aria-label={labels.progress}>
          {run.percent} %
        </progress>
        <span>{run.percent} %</span>
      </div>
      <p className="mt-2 text-sm text-slate-800" aria-live="polite">
        {fill(labels.rows, {
          read: run.rowsRead,
          valid: run.rowsValid,
          invalid: run.rowsInvalid,
          dup: run.duplicateKeys,
        })}
        {active && run.rowsPerSecond ? ` · ${fill(labels.speed, { rate: run.rowsPerSecond })}` : ""}
        {active && run.secondsLeft !== null ? ` · ${fill(labels.eta, { s: run.secondsLeft })}` : ""}
      </p>
    </div>
  );
}
