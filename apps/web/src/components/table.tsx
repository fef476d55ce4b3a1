import type { ReactNode } from "react";

export function Table({
  caption,
  headers,
  children,
}: {
  caption: string;
  headers: string[];
  children: ReactNode;
}) {
  return (
    // A wide table scrolls in its own box on a phone (reflow); the box is focusable so that keyboard
    // users can scroll it too, and named after the table.
    <div
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-4 py-3 font-semibold text-slate-800">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Cell({ children, header = false }: { children: ReactNode; header?: boolean }) {
  return header ? (
    <th scope="row" className="px-4 py-3 font-medium text-slate-900">
      {children}
    </th>
  ) : (
    <td className="px-4 py-3 text-slate-700">{children}</td>
  );
}
