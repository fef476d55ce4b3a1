"use client";
// The queue's rows, drawn from compact data: the page's payload carries each ticket's texts once
// (prepared on the server, see ticket-table.tsx) instead of the whole markup of its cells; the
// HTML still arrives rendered. The cells' common classes are set once on the body of the table.
import Link from "next/link";

/** A row's texts, ready to show; a column the person hid has no field. */
export type QueueRow = {
  id: string;
  number: string;
  selectLabel: string;
  subject: string;
  body?: string;
  service?: string;
  status?: string;
  priority?: { key: string; label: string };
  sla?: { text: string; tone: string; title?: string };
  assignee?: string;
  received?: { iso: string; title: string; text: string };
  channel?: string;
};

const slaTone: Record<string, string> = {
  ok: "text-green-800",
  warning: "bg-amber-100 text-amber-950",
  breached: "bg-red-100 text-red-900",
  met: "text-slate-700",
  paused: "text-sky-900",
  none: "text-slate-600",
};

const priorityTone: Record<string, string> = {
  critical: "font-semibold text-red-800",
  high: "font-medium text-amber-900",
  medium: "text-slate-800",
  low: "text-slate-600",
};

// Set once here rather than on each of the 50 rows' cells (the HTML carries them once).
const body = [
  "divide-y divide-slate-100",
  "[&>tr]:hover:bg-slate-50 [&>tr]:has-[:checked]:bg-brand-50",
  "[&_td]:whitespace-nowrap [&_td]:px-2 [&_td]:py-1.5",
  "[&_th]:whitespace-nowrap [&_th]:px-2 [&_th]:py-1.5 [&_th]:font-medium",
  "[&_input]:size-4 [&_input]:align-middle",
].join(" ");

export function QueueRows({ rows }: { rows: QueueRow[] }) {
  return (
    <tbody className={body}>
      {rows.map((x) => (
        <tr key={x.id}>
          <td>
            <input type="checkbox" name="ticketIds" value={x.id} aria-label={x.selectLabel} />
          </td>
          <th scope="row">
            <Link href={`/tickets/${x.id}`} data-ticket-link>
              {x.number}
            </Link>
          </th>
          <td className="truncate text-slate-900" title={x.subject}>
            {x.subject}
          </td>
          {x.body !== undefined ? (
            <td className="truncate text-slate-700" title={x.body}>
              {x.body}
            </td>
          ) : null}
          {x.service !== undefined ? (
            <td className="truncate text-slate-700" title={x.service}>
              {x.service}
            </td>
          ) : null}
          {x.status !== undefined ? <td className="truncate text-slate-800">{x.status}</td> : null}
          {x.priority ? <td className={priorityTone[x.priority.key]}>{x.priority.label}</td> : null}
          {x.sla ? (
            <td>
              <span
                className={`inline-block whitespace-nowrap rounded px-1.5 text-xs font-medium ${slaTone[x.sla.tone] ?? ""}`}
                title={x.sla.title}
                data-sla={x.sla.tone}
              >
                {x.sla.text}
              </span>
            </td>
          ) : null}
          {x.assignee !== undefined ? <td className="truncate text-slate-700">{x.assignee}</td> : null}
          {x.received ? (
            <td className="truncate text-slate-700">
              <time dateTime={x.received.iso} title={x.received.title}>
                {x.received.text}
              </time>
            </td>
          ) : null}
          {x.channel !== undefined ? <td className="text-slate-700">{x.channel}</td> : null}
        </tr>
      ))}
    </tbody>
  );
}
