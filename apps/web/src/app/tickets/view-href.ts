// The address of a queue state: its filters, columns, and the saved view it comes from. A view is
// a URL; a URL can be saved as a view.
import { DEFAULT_COLUMNS, filterParams, type QueueColumn, type QueueFilters } from "@mutuo/core/tickets";

export function queueParams(state: {
  filters: QueueFilters;
  columns: QueueColumn[];
  id?: string;
  extra?: Record<string, string | undefined>;
}): Record<string, string> {
  const cols = state.columns.join(",");
  const out: Record<string, string> = {
    ...filterParams(state.filters),
    ...(cols !== DEFAULT_COLUMNS.join(",") ? { cols } : {}),
    ...(state.id ? { vue: state.id } : {}),
  };
  for (const [k, v] of Object.entries(state.extra ?? {})) if (v) out[k] = v;
  return out;
}

export function viewHref(state: Parameters<typeof queueParams>[0]): string {
  const qs = new URLSearchParams(queueParams(state)).toString();
  return qs ? `/tickets?${qs}` : "/tickets";
}
