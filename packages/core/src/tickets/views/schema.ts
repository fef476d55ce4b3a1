// The queue's filters as they travel in its address (/tickets?status=open&priority=high…), the
// columns a person shows, and saved views made of both. One definition for the page, the views
// and the list input, so that a view is a URL and a URL can become a view.
import { z } from "zod";
import { text } from "../../shared/text.ts";
import { STATUSES } from "../rules.ts";
import { QUEUE_SORTS, QUEUE_VIEWS, type ListTicketsInput } from "../schema.ts";

const uuid = z.uuid().optional().catch(undefined);

/** The queue's URL parameters; anything unknown or malformed falls back to its default. */
export const queueFilters = z.object({
  view: z.enum(QUEUE_VIEWS).catch("all"),
  status: z.enum([...STATUSES, "open", "any"]).catch("open"),
  priority: z.enum(["critical", "high", "medium", "low"]).optional().catch(undefined),
  body: uuid,
  service: uuid,
  assignee: uuid,
  channel: z.enum(["portal", "email", "phone", "letter"]).optional().catch(undefined),
  sla: z.enum(["ok", "warning", "breached", "met", "paused", "none"]).optional().catch(undefined),
  sort: z.enum(QUEUE_SORTS).catch("received"),
});
export type QueueFilters = z.output<typeof queueFilters>;
export const DEFAULT_FILTERS: QueueFilters = queueFilters.parse({});

/** Optional columns of the queue (number and subject are always shown). */
export const QUEUE_COLUMNS = [
  "body",
  "service",
  "status",
  "priority",
  "sla",
  "assignee",
  "received",
  "channel",
] as const;
export type QueueColumn = (typeof QUEUE_COLUMNS)[number];
export const DEFAULT_COLUMNS: QueueColumn[] = [
  "body",
  "service",
  "status",
  "priority",
  "sla",
  "assignee",
  "received",
];

/** "body,status,sla" → known columns in their canonical order; empty or unknown → the defaults. */
export function parseColumns(raw: string | string[] | undefined | null): QueueColumn[] {
  const wanted = new Set((Array.isArray(raw) ? raw : (raw ?? "").split(",")).map((s) => s.trim()));
  const cols = QUEUE_COLUMNS.filter((c) => wanted.has(c));
  return cols.length ? cols : DEFAULT_COLUMNS;
}

/** The list input (without page) that the filters select. */
export function toListInput(f: QueueFilters): Omit<ListTicketsInput, "cursor" | "limit"> {
  return {
    view: f.view,
    sort: f.sort,
    priority: f.priority,
    bodyId: f.body,
    serviceId: f.service,
    assigneeId: f.assignee,
    channel: f.channel,
    slaState: f.sla,
    ...(f.status === "open" ? { open: true } : f.status === "any" ? {} : { status: [f.status] }),
  };
}

/** The URL parameters of the filters, defaults left out (short, stable addresses). */
export function filterParams(f: QueueFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f))
    if (v !== undefined && v !== DEFAULT_FILTERS[k as keyof QueueFilters]) out[k] = String(v);
  return out;
}

const viewName = text().trim().min(1, "required").max(60, "view_name_long");

export const createViewInput = z.object({
  name: viewName,
  shared: z.boolean().default(false),
  filters: z.record(text(), z.unknown()).default({}).pipe(queueFilters),
  columns: z.array(z.enum(QUEUE_COLUMNS)).max(QUEUE_COLUMNS.length).default(DEFAULT_COLUMNS),
});
export type CreateViewInput = z.input<typeof createViewInput>;
export const renameViewInput = z.object({ id: z.uuid(), name: viewName });
export const viewIdInput = z.object({ id: z.uuid() });
