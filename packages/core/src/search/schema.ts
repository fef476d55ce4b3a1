import { z } from "zod";
import { text } from "../shared/text.ts";

export const SEARCH_KINDS = ["tickets", "bodies", "people", "conventions", "assets"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const globalSearchInput = z.object({
  q: text().trim().min(2, "search_short").max(200),
  /** One kind only, page by page (the "more results" of a group). */
  kind: z.enum(SEARCH_KINDS).optional(),
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(50).optional(),
});
export type GlobalSearchInput = z.input<typeof globalSearchInput>;
