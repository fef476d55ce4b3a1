"use client";
// Sends a file as the request body (streamed by the browser, streamed by the server into the store).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { buttonClass } from "../../components/ui/button.tsx";

export function UploadForm({
  jobId,
  labels,
  errors,
}: {
  jobId: string;
  labels: { upload: string; hint: string; send: string; sending: string; sent: string };
  errors: Record<string, string>;
}) {
  const [state, setState] = useState<{ busy: boolean; error?: string; ok?: string }>({ busy: false });
  const router = useRouter();
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem("file") as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || file.size === 0) return setState({ busy: false, error: errors.migration_empty_file });
    setState({ busy: true });
    const res = await fetch(`/api/reprises/televersement/${jobId}`, {
      method: "POST",
      body: file,
      headers: { "x-file-name": encodeURIComponent(file.name), "content-type": "application/octet-stream" },
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as {
      error?: string;
      params?: Record<string, string>;
    } | null;
    if (!res?.ok) {
      const msg = (errors[body?.error ?? ""] ?? errors.other ?? "").replace(
        /\{(\w+)\}/g,
        (_, k: string) => body?.params?.[k] ?? "",
      );
      return setState({ busy: false, error: msg });
    }
    setState({ busy: false, ok: labels.sent.replace("{name}", file.name) });
    router.refresh();
  }
  return (
    <form onSubmit={submit} className="flex max-w-xl flex-col gap-2" aria-busy={state.busy}>
      {state.error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {state.error}
        </p>
      ) : null}
      {state.ok ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          {state.ok}
        </p>
      ) : null}
      <label htmlFor="migration-file" className="font-medium text-slate-800">
        {labels.upload}
      </label>
      <input
        id="migration-file"
        name="file"
        type="file"
        accept=".csv,.txt,.xlsx"
        aria-describedby="migration-file-hint"
      />
      <p id="migration-file-hint" className="text-sm text-slate-700">
        {labels.hint}
      </p>
      <div>
        <button type="submit" className={buttonClass()} disabled={state.busy}>
          {state.busy ? labels.sending : labels.send}
        </button>
      </div>
    </form>
  );
}
