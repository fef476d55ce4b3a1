"use client";
import { useActionState } from "react";
import { initialFormState } from "../../../lib/form-state.ts";
import type { ImportReport } from "@mutuo/core/identity";
import { importAction } from "../actions.ts";

export function ImportForm({
  labels,
  problems,
  importer = importAction,
}: {
  labels: Record<string, string>;
  problems: Record<string, string>;
  /** The server action reading the file (the bodies' by default; the assets' import reuses this form). */
  importer?: typeof importAction;
}) {
  const [state, action] = useActionState(importer, initialFormState);
  const report = state.data as ImportReport | undefined;
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4">
      {state.message ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {state.message}
        </p>
      ) : null}
      {report && report.errors.length === 0 ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          {labels.done!.replace("{count}", String(report.imported))}
        </p>
      ) : null}
      {report && report.errors.length > 0 ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="mb-2 font-medium">{labels.errors}</p>
          <table className="text-sm">
            <caption className="sr-only">{labels.errors}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-4 text-left">
                  {labels.line}
                </th>
                <th scope="col" className="pr-4 text-left">
                  {labels.column}
                </th>
                <th scope="col" className="text-left">
                  {labels.problem}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e, i) => (
                <tr key={i}>
                  <td className="pr-4">{e.line}</td>
                  <td className="pr-4">{e.field}</td>
                  <td>{problems[e.message] ?? problems.invalid}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="file" className="font-medium">
          {labels.file}
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          className="rounded-md border border-slate-400 bg-white px-3 py-2"
        />
      </div>
      <div>
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          {labels.send}
        </button>
      </div>
    </form>
  );
}
