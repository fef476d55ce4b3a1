// The global search: tickets (by number as people read it out, subject, description, body name,
// declarant), bodies, people and conventions, grouped by kind, each group keyset-paginated and
// limited, within the isolation rule.
import { Prisma, type Db, type Role, type TicketStatus } from "@mutuo/db";
import { visibleBodyIds, type Actor } from "../access/index.ts";
import { cursorPart, decodeCursor, encodeCursor, type Page } from "../shared/cursor.ts";
import { findTicketByNumber, ticketNumberCandidates } from "../tickets/index.ts";
import { localDateOf } from "../sla/index.ts";
import { requireGlobalSearch } from "./policy.ts";
import { containsPattern } from "../shared/like.ts";
import { globalSearchInput, type GlobalSearchInput, type SearchKind } from "./schema.ts";

export interface TicketHit {
  id: string;
  number: string;
  subject: string;
  status: TicketStatus;
  receivedAt: Date;
  bodyName: string;
}
export interface BodyHit {
  id: string;
  legalName: string;
  kind: string;
  city: string | null;
}
export interface PersonHit {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
}
export interface ConventionHit {
  id: string;
  number: string;
  title: string;
  status: string;
  signatoryName: string;
}

export interface AssetHit {
  id: string;
  tag: string;
  serialNumber: string | null;
  model: string;
  status: string;
  kindLabel: string;
  bodyName: string | null;
}

export interface GlobalSearchResult {
  /** A ticket whose number the query is: the page goes straight to it. */
  exact: { id: string; number: string } | null;
  tickets: Page<TicketHit> | null;
  bodies: Page<BodyHit> | null;
  people: Page<PersonHit> | null;
  conventions: Page<ConventionHit> | null;
  assets: Page<AssetHit> | null;
}

const GROUP_LIMIT = 5;
const PAGE_LIMIT = 25;

export async function globalSearch(
  db: Db,
  actor: Actor,
  raw: GlobalSearchInput,
  now = new Date(),
): Promise<GlobalSearchResult> {
  requireGlobalSearch(actor);
  const input = globalSearchInput.parse(raw);
  const limit = input.limit ?? (input.kind ? PAGE_LIMIT : GROUP_LIMIT);
  const wanted = (k: SearchKind) => !input.kind || input.kind === k;
  const cursor = (k: SearchKind) => (input.kind === k ? input.cursor : undefined);
  const ctx = { db, actor, q: input.q, limit, now };
  const [exact, tickets, bodies, people, conventions, assets] = await Promise.all([
    input.cursor ? null : findTicketByNumber(db, actor, { q: input.q.slice(0, 40) }, now),
    wanted("tickets") ? searchTicketHits(ctx, cursor("tickets")) : null,
    wanted("bodies") ? searchBodies(ctx, cursor("bodies")) : null,
    wanted("people") ? searchPeople(ctx, cursor("people")) : null,
    wanted("conventions") ? searchConventions(ctx, cursor("conventions")) : null,
    wanted("assets") ? searchAssets(ctx, cursor("assets")) : null,
  ]);
  return { exact, tickets, bodies, people, conventions, assets };
}

interface Ctx {
  db: Db;
  actor: Actor;
  q: string;
  limit: number;
  now: Date;
}

function scopeSql(actor: Actor, column: Prisma.Sql): Prisma.Sql {
  const ids = visibleBodyIds(actor);
  return ids === "all" ? Prisma.sql`true` : Prisma.sql`${column} = ANY(${ids}::uuid[])`;
}

/** A cursor's key and id, typed before SQL sees them (a forged cursor is a bad request, not a crash). */
function cursorPair(cursor: string): readonly [string, string] {
  return decodeCursor(cursor, [cursorPart.text, cursorPart.uuid]);
}

function page<T>(rows: T[], limit: number, key: (row: T) => (string | number)[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

async function searchTicketHits(
  { db, actor, q, limit, now }: Ctx,
  cursor?: string,
): Promise<Page<TicketHit>> {
  const numbers = ticketNumberCandidates(q, localDateOf("Europe/Paris", now.getTime()).year);
  const like = containsPattern(q);
  let after = Prisma.sql`true`;
  if (cursor) {
    const [at, id] = decodeCursor(cursor, [cursorPart.instant, cursorPart.uuid]);
    const instant = new Date(at);
    after = Prisma.sql`(t."receivedAt", t."id") < (${instant}::timestamptz, ${id}::uuid)`;
  }
  const rows = await db.$queryRaw<TicketHit[]>`
    WITH q AS (SELECT websearch_to_tsquery('mutuo_fr', ${q}) AS query),
    hits AS (
      SELECT t."id" FROM "Ticket" t WHERE t."number" = ANY(${numbers}::text[])
      UNION
      SELECT t."id" FROM "Ticket" t, q
      WHERE (setweight(to_tsvector('mutuo_fr'::regconfig, t."subject"), 'A') || setweight(to_tsvector('mutuo_fr'::regconfig, t."description"), 'B')) @@ q.query
      UNION
      SELECT t."id" FROM "Ticket" t JOIN "Body" b ON b."id" = t."bodyId"
      WHERE unaccent(b."legalName") ILIKE unaccent(${like})
      UNION
      SELECT t."id" FROM "Ticket" t WHERE unaccent(t."declarantName") ILIKE unaccent(${like})
    )
    SELECT t."id", t."number", t."subject", t."status", t."receivedAt", b."legalName" AS "bodyName"
    FROM "Ticket" t JOIN hits h ON h."id" = t."id" JOIN "Body" b ON b."id" = t."bodyId"
    WHERE ${scopeSql(actor, Prisma.sql`t."bodyId"`)} AND ${after}
    ORDER BY t."receivedAt" DESC, t."id" DESC
    LIMIT ${limit + 1}`;
  return page(rows, limit, (r) => [r.receivedAt.toISOString(), r.id]);
}

async function searchBodies({ db, actor, q, limit }: Ctx, cursor?: string): Promise<Page<BodyHit>> {
  const like = containsPattern(q);
  let after = Prisma.sql`true`;
  if (cursor) {
    const [name, id] = cursorPair(cursor);
    after = Prisma.sql`(b."legalName", b."id") > (${name}, ${id}::uuid)`;
  }
  const rows = await db.$queryRaw<BodyHit[]>`
    SELECT b."id", b."legalName", b."kind"::text AS "kind", b."city"
    FROM "Body" b
    WHERE (unaccent(b."legalName") ILIKE unaccent(${like}) OR unaccent(coalesce(b."city", '')) ILIKE unaccent(${like})
           OR b."siret" = ${q.replace(/\s+/g, "")} OR b."inseeCode" = ${q})
      AND ${scopeSql(actor, Prisma.sql`b."id"`)} AND ${after}
    ORDER BY b."legalName", b."id"
    LIMIT ${limit + 1}`;
  return page(rows, limit, (r) => [r.legalName, r.id]);
}

async function searchPeople({ db, actor, q, limit }: Ctx, cursor?: string): Promise<Page<PersonHit>> {
  const like = containsPattern(q);
  let after = Prisma.sql`true`;
  if (cursor) {
    const [name, id] = cursorPair(cursor);
    after = Prisma.sql`(u."name", u."id") > (${name}, ${id}::uuid)`;
  }
  const ids = visibleBodyIds(actor);
  const scope =
    ids === "all"
      ? Prisma.sql`true`
      : Prisma.sql`EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u."id" AND m."bodyId" = ANY(${ids}::uuid[]))`;
  const rows = await db.$queryRaw<PersonHit[]>`
    SELECT u."id", u."name", u."email", u."role", u."active"
    FROM "User" u
    WHERE u."anonymisedAt" IS NULL
      AND (unaccent(u."name") ILIKE unaccent(${like}) OR u."email" ILIKE ${like})
      AND ${scope} AND ${after}
    ORDER BY u."name", u."id"
    LIMIT ${limit + 1}`;
  return page(rows, limit, (r) => [r.name, r.id]);
}

async function searchConventions(
  { db, actor, q, limit }: Ctx,
  cursor?: string,
): Promise<Page<ConventionHit>> {
  const like = containsPattern(q);
  let after = Prisma.sql`true`;
  if (cursor) {
    const [number, id] = cursorPair(cursor);
    after = Prisma.sql`(c."number", c."id") < (${number}, ${id}::uuid)`;
  }
  const rows = await db.$queryRaw<ConventionHit[]>`
    SELECT c."id", c."number", c."title", c."status"::text AS "status", b."legalName" AS "signatoryName"
    FROM "Convention" c JOIN "Body" b ON b."id" = c."signatoryBodyId"
    WHERE (c."number" ILIKE ${like} OR unaccent(c."title") ILIKE unaccent(${like})
           OR c."deliberationRef" ILIKE ${like} OR unaccent(b."legalName") ILIKE unaccent(${like}))
      AND ${scopeSql(actor, Prisma.sql`c."signatoryBodyId"`)} AND ${after}
    ORDER BY c."number" DESC, c."id" DESC
    LIMIT ${limit + 1}`;
  return page(rows, limit, (r) => [r.number, r.id]);
}

/** Equipment by tag, serial number or model (trigram indexes); an agent's scope: what their bodies hold. */
async function searchAssets({ db, actor, q, limit }: Ctx, cursor?: string): Promise<Page<AssetHit>> {
  const like = containsPattern(q);
  let after = Prisma.sql`true`;
  if (cursor) {
    const [tag, id] = cursorPair(cursor);
    after = Prisma.sql`(a."tag", a."id") > (${tag}, ${id}::uuid)`;
  }
  const ids = visibleBodyIds(actor);
  const scope = ids === "all" ? Prisma.sql`true` : Prisma.sql`a."bodyId" = ANY(${ids}::uuid[])`;
  const rows = await db.$queryRaw<AssetHit[]>`
    SELECT a."id", a."tag", a."serialNumber", a."model", a."status"::text AS "status",
           k."label" AS "kindLabel", b."legalName" AS "bodyName"
    FROM "Asset" a JOIN "AssetKind" k ON k."id" = a."kindId" LEFT JOIN "Body" b ON b."id" = a."bodyId"
    WHERE (a."tag" ILIKE ${like} OR a."serialNumber" ILIKE ${like} OR a."model" ILIKE ${like})
      AND ${scope} AND ${after}
    ORDER BY a."tag", a."id"
    LIMIT ${limit + 1}`;
  return page(rows, limit, (r) => [r.tag, r.id]);
}
