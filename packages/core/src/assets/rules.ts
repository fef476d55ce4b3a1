// Pure rules of the registry: where an asset may be for a status, money typed in euros, the label
// sheet's grid, what a kit may hold.
import type { AssetStatusValue } from "./schema.ts";

/** Statuses where the asset is with a partner body (or booked for one): the body is named. */
const WITH_BODY: readonly AssetStatusValue[] = ["lent"];
/** Statuses where the asset is back at the provider's: no partner body. */
const AT_PROVIDER: readonly AssetStatusValue[] = ["in_stock", "in_repair", "retired"];

/** The field at fault and its message key when a status and a holder do not go together, else null. */
export function custodyProblem(
  status: AssetStatusValue,
  bodyId: string | null,
): { field: "bodyId"; message: string } | null {
  if (WITH_BODY.includes(status) && !bodyId) return { field: "bodyId", message: "body_required_when_lent" };
  if (AT_PROVIDER.includes(status) && bodyId) return { field: "bodyId", message: "no_body_at_provider" };
  return null;
}

/**
 * An amount typed in euros ("1 234,56", "1234.5", "12 €") in cents; null when empty; NaN when it is
 * not an amount (the form shows the error on its field).
 */
export function eurosToCents(typed: string): number | null {
  const s = typed.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (s === "") return null;
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return Number.NaN;
  const [whole, decimals = ""] = s.split(".");
  return Number(whole) * 100 + Number(decimals.padEnd(2, "0"));
}

/** Cents as typed back in a form ("1234,50"). */
export function centsToEuros(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
}

/** The common A4 label sheet: 3 columns × 8 rows of 70 × 37 mm, no margins. */
export const LABEL_SHEET = { columns: 3, rows: 8, widthMm: 70, heightMm: 37 } as const;
export const LABELS_PER_PAGE = LABEL_SHEET.columns * LABEL_SHEET.rows;

/** Where the n-th label (from 0) goes: page, row and column, filling rows left to right. */
export function labelSlot(n: number): { page: number; row: number; column: number } {
  const onPage = n % LABELS_PER_PAGE;
  return {
    page: Math.floor(n / LABELS_PER_PAGE),
    row: Math.floor(onPage / LABEL_SHEET.columns),
    column: onPage % LABEL_SHEET.columns,
  };
}

export const mmToPt = (mm: number) => (mm * 72) / 25.4;

/** Why an asset cannot go into a kit (message key on the field "item"), or null. */
export function kitItemProblem(
  kit: { id: string; isKit: boolean },
  item: { id: string; isKit: boolean; kitId: string | null },
): string | null {
  if (!kit.isKit) return "not_a_kit";
  if (item.id === kit.id || item.isKit) return "kit_in_kit";
  if (item.kitId && item.kitId !== kit.id) return "already_in_a_kit";
  if (item.kitId === kit.id) return "already_in_this_kit";
  return null;
}

/** The absolute address of an asset's page, printed as a QR code on its label. */
export function assetUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/equipements/${id}`;
}

/**
 * The part of an asset's history (newest first) an agent may read: since it came to one of their
 * bodies. What happened while another body held it is that body's business.
 */
export function eventsSinceCustody<E extends { data: unknown }>(events: E[], bodyIds: string[]): E[] {
  const mine = (v: unknown) => typeof v === "string" && bodyIds.includes(v);
  const out: E[] = [];
  for (const e of events) {
    out.push(e);
    const d = (e.data ?? {}) as Record<string, unknown>;
    if (mine(d.toBodyId) && !mine(d.fromBodyId)) return out;
  }
  // Registered straight at the body (no move recorded): the whole history is the body's.
  return out;
}
