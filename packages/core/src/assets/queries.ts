// Reading the registry: the filtered list (keyset pages on tag, id), an asset's page with its whole
// history, the equipment a body holds now, the kinds. An agent reads only their bodies' equipment.
import type { Db, Prisma } from "@mutuo/db";
import { historyOf } from "../audit/index.ts";
import { bodyScope, canSeeBody, isStaff, visibleBodyIds, type Actor } from "../access/index.ts";
import { eventsSinceCustody } from "./rules.ts";
import { notFound } from "../errors/index.ts";
import { cursorPart, decodeCursor, encodeCursor, type Page } from "../shared/cursor.ts";
import { fromDateOnly } from "../shared/dates.ts";
import { assertAssetVisible, canEditKinds, canManageAssets } from "./policy.ts";
import { assetIdInput, bodyAssetsInput, listAssetsInput, type ListAssetsInput } from "./schema.ts";
import type { z } from "zod";

export const assetListSelect = {
  id: true,
  tag: true,
  serialNumber: true,
  manufacturer: true,
  model: true,
  status: true,
  location: true,
  warrantyEnd: true,
  kitId: true,
  kind: { select: { id: true, code: true, label: true, isKit: true } },
  body: { select: { id: true, legalName: true } },
} satisfies Prisma.AssetSelect;
export type AssetListItem = Prisma.AssetGetPayload<{ select: typeof assetListSelect }>;

/** What an actor may list: staff everything, an agent what their bodies hold. */
function scope(actor: Actor): Prisma.AssetWhereInput {
  return isStaff(actor) ? {} : bodyScope(actor);
}

export async function listAssets(db: Db, actor: Actor, raw: ListAssetsInput): Promise<Page<AssetListItem>> {
  const input = listAssetsInput.parse(raw);
  const and: Prisma.AssetWhereInput[] = [scope(actor)];
  if (input.kindId) and.push({ kindId: input.kindId });
  if (input.status) and.push({ status: input.status });
  if (input.bodyId) and.push({ bodyId: input.bodyId });
  if (input.warrantyBefore) and.push({ warrantyEnd: { lte: fromDateOnly(input.warrantyBefore) } });
  if (input.q) {
    // ILIKE '%q%' on each column, served by the trigram indexes.
    const contains = { contains: input.q, mode: "insensitive" as const };
    and.push({ OR: [{ tag: contains }, { serialNumber: contains }, { model: contains }] });
  }
  if (input.cursor) {
    const [tag, id] = decodeCursor(input.cursor, [cursorPart.text, cursorPart.uuid]);
    and.push({ OR: [{ tag: { gt: tag } }, { tag, id: { gt: id } }] });
  }
  const rows = await db.asset.findMany({
    where: { AND: and },
    select: assetListSelect,
    orderBy: [{ tag: "asc" }, { id: "asc" }],
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.tag, last.id]) : null,
  };
}

/** An asset's page: identity, kit, files, its whole history, its tickets, the audit trail (staff). */
export async function getAsset(db: Db, actor: Actor, raw: z.input<typeof assetIdInput>) {
  const { id } = assetIdInput.parse(raw);
  const asset = await db.asset.findUnique({
    where: { id },
    include: {
      kind: true,
      body: { select: { id: true, legalName: true } },
      kit: { select: { id: true, tag: true, model: true, bodyId: true } },
      items: { select: assetListSelect, orderBy: { tag: "asc" } },
      accessories: { orderBy: { label: "asc" } },
      files: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          label: true,
          createdAt: true,
          file: { select: { name: true, size: true, mimeType: true } },
        },
      },
    },
  });
  assertAssetVisible(actor, asset);
  const a = asset!;
  const staff = isStaff(actor);
  const [events, tickets, audit] = await Promise.all([
    db.assetEvent.findMany({
      where: { assetId: id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 500,
    }),
    db.ticket.findMany({
      where: { assetId: id, ...(staff ? {} : bodyScope(actor)) },
      select: { id: true, number: true, subject: true, status: true, receivedAt: true, bodyId: true },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: 200,
    }),
    staff ? historyOf(db, { entityType: "Asset", entityId: id }) : Promise.resolve([]),
  ]);
  // Names of the people and bodies the history mentions, for an agent only their own bodies.
  const bodyIds = new Set<string>();
  const actorIds = new Set<string>();
  for (const e of events) {
    if (e.actorId) actorIds.add(e.actorId);
    const d = e.data as Record<string, unknown>;
    for (const k of ["fromBodyId", "toBodyId", "bodyId"])
      if (typeof d[k] === "string") bodyIds.add(d[k] as string);
  }
  const [bodies, people] = await Promise.all([
    db.body.findMany({
      where: { id: { in: [...bodyIds].filter((b) => canSeeBody(actor, b)) } },
      select: { id: true, legalName: true },
    }),
    db.user.findMany({ where: { id: { in: [...actorIds] } }, select: { id: true, name: true, role: true } }),
  ]);
  const ownTickets = new Set(tickets.map((t) => t.id));
  const bodyName = new Map(bodies.map((b) => [b.id, b.legalName]));
  // An agent never reads another body's name, nor which staff member acted, in the history.
  const personName = new Map(people.map((p) => [p.id, staff || p.role === "agent" ? p.name : null]));
  return {
    ...a,
    kit: a.kit && (staff || canSeeBody(actor, a.kit.bodyId)) ? a.kit : null,
    events: (staff ? events : eventsSinceCustody(events, visibleBodyIds(actor) as string[]))
      .filter(
        (e) =>
          staff ||
          e.kind !== "ticket_linked" ||
          ownTickets.has(String((e.data as { ticketId?: unknown }).ticketId)),
      )
      .map((e) => {
        const d = e.data as Record<string, unknown>;
        const name = (k: string) =>
          typeof d[k] === "string" ? (bodyName.get(d[k] as string) ?? null) : null;
        const data = staff ? d : Object.fromEntries(Object.entries(d).filter(([k]) => !/Id$/.test(k)));
        return {
          id: e.id,
          kind: e.kind,
          at: e.createdAt,
          actorName: e.actorId ? (personName.get(e.actorId) ?? null) : null,
          fromBody: name("fromBodyId"),
          toBody: name("toBodyId"),
          data,
        };
      }),
    tickets: tickets.map(({ bodyId: _b, ...t }) => t),
    audit,
    canManage: canManageAssets(actor),
  };
}

/** The equipment a body holds now (its page, the agent's « Mon équipement », the request form). */
export async function assetsHeldBy(db: Db, actor: Actor, raw: z.input<typeof bodyAssetsInput>) {
  const { bodyId } = bodyAssetsInput.parse(raw);
  if (!canSeeBody(actor, bodyId)) throw notFound("body");
  return db.asset.findMany({
    where: { bodyId },
    select: assetListSelect,
    orderBy: [{ tag: "asc" }, { id: "asc" }],
    take: 1000,
  });
}

export async function listAssetKinds(db: Db, actor: Actor) {
  const rows = await db.assetKind.findMany({
    where: canEditKinds(actor) ? {} : { active: true },
    orderBy: [{ position: "asc" }, { label: "asc" }],
    select: { id: true, code: true, label: true, holdsData: true, isKit: true, position: true, active: true },
  });
  return rows;
}

/** Ticket intake: may this actor name this asset as the equipment concerned for this body? */
export async function assertAssetPickable(
  db: Pick<Db, "asset">,
  actor: Actor,
  assetId: string,
  bodyId: string,
): Promise<void> {
  const asset = await db.asset.findUnique({ where: { id: assetId }, select: { bodyId: true } });
  if (!asset) throw notFound("asset");
  if (!isStaff(actor) && asset.bodyId !== bodyId) throw notFound("asset");
}
