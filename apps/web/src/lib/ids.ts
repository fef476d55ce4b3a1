// Ids in paths and query strings are user input: only a real UUID reaches the database.
import { notFound } from "next/navigation";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string): boolean => UUID.test(id);

/** The id of an `[id]` page, or the page's 404. */
export function uuidOrNotFound(id: string): string {
  if (!isUuid(id)) notFound();
  return id;
}
