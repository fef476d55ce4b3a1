// Names of the bodies, services and people a report mentions, in one query per table.
import { Prisma, type Db } from "@mutuo/db";

export async function names(db: Db, table: "Body" | "Service" | "User", ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const col = Prisma.raw(table === "Body" ? `"legalName"` : `"name"`);
  const rows = await db.$queryRaw<{ id: string; name: string }[]>`
    SELECT "id", ${col} AS "name" FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ANY(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** « Organisme : … » for the filters used: the bodies the report is limited to, or all partners. */
export async function bodyFilterLabel(db: Db, bodyIds: "all" | string[]): Promise<[string, string]> {
  if (bodyIds === "all") return ["Organisme", "Tous les partenaires"];
  const n = await names(db, "Body", bodyIds);
  return ["Organisme", bodyIds.map((i) => n.get(i) ?? "—").join(", ")];
}
