// Keyset pagination cursors: opaque base64url of the sort key of the last row of a page.
import { invalid } from "../errors/index.ts";

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === "string" || typeof v === "number")
    ) {
      return values as (string | number)[];
    }
  } catch {
    /* fall through */
  }
  throw invalid("cursor", "invalid cursor");
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
