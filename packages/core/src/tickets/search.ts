// Finding tickets: by number as people read it out (exact match first), and French full-text search
// over subjects, descriptions, replies and the body's name (stemming and accent folding by the
// mutuo_fr configuration), within the isolation rule; partners never match internal notes.
import { Prisma, type Db } from "@mutuo/db";
import { isStaff, type Actor } from "../access/index.ts";
import { visibleBodyIds } from "../access/index.ts";
import { localDateOf } from "../sla/index.ts";
import { ticketListSelect, type TicketListItem } from "./list-item.ts";
import { ticketNumberCandidates } from "./rules.ts";
import { byNumberInput, searchInput } from "./schema.ts";
import type { z } from "zod";

const numbersFor = (q: string, now: Date) =>
  ticketNumberCandidates(q, localDateOf("Europe/Paris", now.getTime()).year);

/** The ticket a number designates, if the actor may see it (the most recent year when none is given). */
export async function findTicketByNumber(
  db: Db,
  actor: Actor,
  raw: z.input<typeof byNumberInput>,
  now = new Date(),
): Promise<{ id: string; number: string } | null> {
  const { q } = byNumberInput.parse(raw);
  const numbers = numbersFor(q, now);
  const bodies = visibleBodyIds(actor);
  if (numbers.length === 0 || (bodies !== "all" && bodies.length === 0)) return null;
  const found = await db.ticket.findMany({
    where: { number: { in: numbers }, ...(bodies === "all" ? {} : { bodyId: { in: bodies } }) },
    select: { id: true, number: true },
  });
  return found.sort((a, b) => numbers.indexOf(a.number) - numbers.indexOf(b.number))[0] ?? null;
}

export async function searchTickets(
  db: Db,
  actor: Actor,
  raw: z.input<typeof searchInput>,
  now = new Date(),
): Promise<TicketListItem[]> {
  const input = searchInput.parse(raw);
  const bodies = visibleBodyIds(actor);
  if (bodies !== "all" && bodies.length === 0) return [];
  const scope = bodies === "all" ? Prisma.empty : Prisma.sql`AND t."bodyId" = ANY(${bodies}::uuid[])`;
  const kinds = isStaff(actor)
    ? Prisma.sql`m."kind" <> 'event'`
    : Prisma.sql`m."kind" <> 'event' AND m."kind" = 'reply'`;
  const numbers = numbersFor(input.q, now);
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH q AS (SELECT websearch_to_tsquery('mutuo_fr', ${input.q}) AS query),
    hits AS (
      SELECT t."id" FROM "Ticket" t WHERE t."number" = ANY(${numbers}::text[])
      UNION
      SELECT t."id" FROM "Ticket" t, q
      WHERE (setweight(to_tsvector('mutuo_fr'::regconfig, t."subject"), 'A') || setweight(to_tsvector('mutuo_fr'::regconfig, t."description"), 'B')) @@ q.query
      UNION
      SELECT m."ticketId" FROM "TicketMessage" m, q
      WHERE ${kinds} AND to_tsvector('mutuo_fr'::regconfig, m."body") @@ q.query
      UNION
      SELECT t."id" FROM "Ticket" t JOIN "Body" b ON b."id" = t."bodyId", q
      WHERE to_tsvector('mutuo_fr'::regconfig, b."legalName") @@ q.query
    )
    SELECT t."id" FROM "Ticket" t JOIN hits h ON h."id" = t."id"
    WHERE true ${scope}
    ORDER BY (t."number" = ANY(${numbers}::text[])) DESC, t."receivedAt" DESC, t."id" DESC
    LIMIT ${input.limit}`;
  if (rows.length === 0) return [];
  const tickets = await db.ticket.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    select: ticketListSelect,
  });
  const order = new Map(rows.map((r, i) => [r.id, i]));
  return tickets.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}
