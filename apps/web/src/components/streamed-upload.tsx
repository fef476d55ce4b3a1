"use client";
// Sends a file as the request body to an upload route (streamed by the browser, streamed by the server
// into the file store: no server-action body limit). The route answers { error, params } on refusal,
// translated here with the messages the page gives.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { buttonClass } from "./ui/button.tsx";

export interface StreamedUploadLabels {
  file: string;
  hint: string;
  send: string;
  sending: string;
  /** Shown once sent; {name} is the file's name. */
  sent: string;
  /** An optional text field sent with the file (header x-label), e.g. the document's title. */
  label?: string;
}

export function StreamedUpload({
  url,
  inputId,
  accept,
  maxBytes,
  labels,
  errors,
}: {
  url: string;
  inputId: string;
  accept: string;
  /** Refused before sending when larger (errors.file_too_large). */
  maxBytes?: number;
  labels: StreamedUploadLabels;
  /** Messages by error code; `empty` for no file, `other` for anything unexpected. */
  errors: Record<string, string>;
}) {
  const [state, setState] = useState<{ busy: boolean; error?: string; ok?: string }>({ busy: false });
  const router = useRouter();
  const fill = (msg: string | undefined, params?: Record<string, unknown>) =>
    (msg ?? errors.other ?? "").replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? ""));
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const input = form.elements.namedItem("file") as HTMLInputElement;
    const label = (form.elements.namedItem("label") as HTMLInputElement | null)?.value.trim() ?? "";
    const file = input.files?.[0];
    if (!file || file.size === 0) {
      input.focus();
      return setState({ busy: false, error: errors.empty });
    }
    if (maxBytes && file.size > maxBytes) {
      input.focus();
      return setState({
        busy: false,
        error: fill(errors.file_too_large, { max: Math.round(maxBytes / 1024 / 1024) }),
      });
    }
    setState({ busy: true });
    const res = await fetch(url, {
      method: "POST",
      body: file,
      headers: {
        "x-file-name": encodeURIComponent(file.name),
        ...(label ? { "x-label": encodeURIComponent(label) } : {}),
        "content-type": "application/octet-stream",
      },
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as {
      error?: string;
      params?: Record<string, string>;
    } | null;
    if (!res?.ok) return setState({ busy: false, error: fill(errors[body?.error ?? ""], body?.params) });
    form.reset();
    setState({ busy: false, ok: labels.sent.replace("{name}", file.name) });
    router.refresh();
  }
  const error = Boolean(state.error);
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
      {labels.label ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${inputId}-label`} className="font-medium text-slate-800">
            {labels.label}
          </label>
          <input
            id={`${inputId}-label`}
            name="label"
            maxLength={120}
            className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2"
          />
        </div>
      ) : null}
      <label htmlFor={inputId} className="font-medium text-slate-800">
        {labels.file}
      </label>
      <input
        id={inputId}
        name="file"
        type="file"
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${inputId}-hint`}
        className="min-h-11 py-2 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3"
      />
      <p id={`${inputId}-hint`} className="text-sm text-slate-700">
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
