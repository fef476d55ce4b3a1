import type { Db, Prisma } from "@mutuo/db";
import { cursorPart, decodeCursor, encodeCursor, type Page } from "../shared/cursor.ts";
import type { Actor } from "../access/index.ts";
import { bodyScope } from "../access/index.ts";
import { listBodiesInput, type ListBodiesInput } from "./schema.ts";

const bodyListSelect = {
  id: true,
  legalName: true,
  kind: true,
  siret: true,
  inseeCode: true,
  population: true,
  populationYear: true,
  city: true,
  status: true,
  commune: { select: { id: true, legalName: true } },
} satisfies Prisma.BodySelect;

export type BodyListItem = Prisma.BodyGetPayload<{ select: typeof bodyListSelect }>;

/** Bodies ordered by legal name, keyset-paginated on (legalName, id). */
export async function listBodies(db: Db, actor: Actor, raw: ListBodiesInput): Promise<Page<BodyListItem>> {
  const input = listBodiesInput.parse(raw);
  const where: Prisma.BodyWhereInput = {
    ...bodyScope(actor, "id"),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.q ? { legalName: { contains: input.q, mode: "insensitive" } } : {}),
  };
  if (input.cursor) {
    const [name, id] = decodeCursor(input.cursor, [cursorPart.text, cursorPart.uuid]);
    where.OR = [{ legalName: { gt: name } }, { legalName: name, id: { gt: id } }];
  }
  const rows = await db.body.findMany({
    where,
    select: bodyListSelect,
    orderBy: [{ legalName: "asc" }, { id: "asc" }],
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.legalName, last.id]) : null,
  };
}

/** Partner bodies (not the provider) by kind, for the dashboard. */
export async function countPartnerBodiesByKind(
  db: Db,
  actor: Actor,
): Promise<{ kind: BodyListItem["kind"]; count: number }[]> {
  const groups = await db.body.groupBy({
    by: ["kind"],
    where: { ...bodyScope(actor, "id"), kind: { not: "provider" }, status: "active" },
    _count: { _all: true },
  });
  return groups
    .map((g) => ({ kind: g.kind, count: g._count._all }))
    .sort((a, b) => a.kind.localeCompare(b.kind));
}
