// French full-text search over subjects, descriptions and replies (stemming and accent folding by
// the mutuo_fr configuration), within the isolation rule; partners never match internal notes.
import { Prisma, type Db } from "@mutuo/db";
import { isStaff, type Actor } from "../access/index.ts";
import { visibleBodyIds } from "../access/index.ts";
import { ticketListSelect, type TicketListItem } from "./list-item.ts";
import { searchInput } from "./schema.ts";
import type { z } from "zod";

export async function searchTickets(
  db: Db,
  actor: Actor,
  raw: z.input<typeof searchInput>,
): Promise<TicketListItem[]> {
  const input = searchInput.parse(raw);
  const bodies = visibleBodyIds(actor);
  if (bodies !== "all" && bodies.length === 0) return [];
  const scope = bodies === "all" ? Prisma.empty : Prisma.sql`AND t."bodyId" = ANY(${bodies}::uuid[])`;
  const kinds = isStaff(actor)
    ? Prisma.sql`m."kind" <> 'event'`
    : Prisma.sql`m."kind" <> 'event' AND m."kind" = 'reply'`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH q AS (SELECT websearch_to_tsquery('mutuo_fr', ${input.q}) AS query),
    hits AS (
      SELECT t."id" FROM "Ticket" t, q
      WHERE (setweight(to_tsvector('mutuo_fr'::regconfig, t."subject"), 'A') || setweight(to_tsvector('mutuo_fr'::regconfig, t."description"), 'B')) @@ q.query
      UNION
      SELECT m."ticketId" FROM "TicketMessage" m, q
      WHERE ${kinds} AND to_tsvector('mutuo_fr'::regconfig, m."body") @@ q.query
    )
    SELECT t."id" FROM "Ticket" t JOIN hits h ON h."id" = t."id"
    WHERE true ${scope}
    ORDER BY t."receivedAt" DESC, t."id" DESC
    LIMIT ${input.limit}`;
  if (rows.length === 0) return [];
  const tickets = await db.ticket.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    select: ticketListSelect,
  });
  const order = new Map(rows.map((r, i) => [r.id, i]));
  return tickets.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}
