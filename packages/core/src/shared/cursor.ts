// Keyset pagination cursors: opaque base64url of the sort key of the last row of a page. A cursor
// comes back from the client, so it is decoded against the types of its parts: a forged one is a
// validation error on the field "cursor" (HTTP 400), never a query that fails in the database.
import { z } from "zod";
import { invalid } from "../errors/index.ts";
import { cleanText } from "./text.ts";

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** Parts of a cursor, by type. */
export const cursorPart = {
  uuid: z.string().uuid(),
  /** An instant as written by `toISOString()`. */
  instant: z.iso.datetime(),
  /** An instant, or "" for a row without one (NULLS LAST). */
  optionalInstant: z.union([z.iso.datetime(), z.literal("")]),
  text: z
    .string()
    .max(500)
    .refine((s) => cleanText(s) === s),
  /** A bigint id written as a string. */
  bigintId: z.string().regex(/^\d{1,19}$/),
};

/** The cursor's values, checked part by part against the given types. */
export function decodeCursor<const T extends readonly z.ZodType[]>(
  cursor: string,
  parts: T,
): { [K in keyof T]: z.output<T[K]> } {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid("cursor", "invalid_cursor");
  }
  const parsed = z.tuple(parts as unknown as [z.ZodType, ...z.ZodType[]]).safeParse(values);
  if (!parsed.success) throw invalid("cursor", "invalid_cursor");
  return parsed.data as { [K in keyof T]: z.output<T[K]> };
}

/**
 * Newest-first keyset (createdAt DESC, id DESC), as Prisma conditions: the rows after the page whose
 * cursor is given (none: from the start), and the cursor of a page's last row.
 */
export function newestFirstAfter(cursor: string | undefined) {
  if (!cursor) return {};
  const [at, id] = decodeCursor(cursor, [cursorPart.instant, cursorPart.uuid]);
  const createdAt = new Date(at);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}

export const newestFirstCursor = (last: { createdAt: Date; id: string }) =>
  encodeCursor([last.createdAt.toISOString(), last.id]);

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
