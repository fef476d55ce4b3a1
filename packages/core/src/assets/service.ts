// Writing the registry: every change to an asset writes its history (AssetEvent) and the audit trail
// in the same transaction as the change. `setAssetCustody` is the one way other domains (loans) move
// assets between the provider and a body.
import type { AssetStatus, Db, DbTx, Prisma } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import type { Actor } from "../access/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import { dateOnly, fromDateOnly } from "../shared/dates.ts";
import { isUniqueViolation } from "../shared/unique.ts";
import { requireAssetManager, requireKindEditor } from "./policy.ts";
import { custodyProblem, kitItemProblem } from "./rules.ts";
import {
  accessoryInput,
  createAssetInput,
  kindInput,
  kitItemInput,
  removeAccessoryInput,
  removeKitItemInput,
  updateAssetInput,
  updateKindInput,
  type AssetStatusValue,
} from "./schema.ts";
import type { z } from "zod";

type Fields = z.output<typeof createAssetInput>;

/** Appends to an asset's history, in the caller's transaction. */
export async function recordAssetEvent(
  tx: DbTx,
  e: { assetId: string; kind: string; data?: Record<string, unknown>; actorId?: string | null; at?: Date },
): Promise<void> {
  await tx.assetEvent.create({
    data: {
      assetId: e.assetId,
      kind: e.kind,
      data: (e.data ?? {}) as Prisma.InputJsonValue,
      actorId: e.actorId || null,
      ...(e.at ? { createdAt: e.at } : {}),
    },
  });
}

/** What the history and the audit trail show of an asset (dates as days, money in cents). */
function snapshot(a: {
  tag: string;
  serialNumber: string | null;
  kindId: string;
  manufacturer: string;
  model: string;
  status: string;
  bodyId: string | null;
  location: string;
  purchaseDate: Date | null;
  purchaseValueCents: number | null;
  warrantyEnd: Date | null;
  notes: string;
}) {
  return {
    tag: a.tag,
    serialNumber: a.serialNumber,
    kindId: a.kindId,
    manufacturer: a.manufacturer,
    model: a.model,
    status: a.status,
    bodyId: a.bodyId,
    location: a.location,
    purchaseDate: a.purchaseDate ? dateOnly(a.purchaseDate) : null,
    purchaseValueCents: a.purchaseValueCents ?? null,
    warrantyEnd: a.warrantyEnd ? dateOnly(a.warrantyEnd) : null,
    notes: a.notes,
  };
}

function columns(input: Fields) {
  return {
    tag: input.tag,
    serialNumber: input.serialNumber,
    kindId: input.kindId,
    manufacturer: input.manufacturer,
    model: input.model,
    status: input.status,
    bodyId: input.bodyId,
    location: input.location,
    purchaseDate: input.purchaseDate ? fromDateOnly(input.purchaseDate) : null,
    purchaseValueCents: input.purchaseValueCents ?? null,
    warrantyEnd: input.warrantyEnd ? fromDateOnly(input.warrantyEnd) : null,
    notes: input.notes,
  };
}

/** Checks what the database would refuse less clearly: kind, holder, tag and serial already used. */
async function checkFields(db: Db | DbTx, input: Fields, selfId?: string): Promise<void> {
  if (input.purchaseDate && input.warrantyEnd && input.warrantyEnd < input.purchaseDate)
    throw invalid("warrantyEnd", "warranty_before_purchase");
  const problem = custodyProblem(input.status, input.bodyId);
  if (problem) throw invalid(problem.field, problem.message);
  const [kind, body, sameTag, sameSerial] = await Promise.all([
    db.assetKind.findUnique({ where: { id: input.kindId }, select: { active: true } }),
    input.bodyId ? db.body.findUnique({ where: { id: input.bodyId }, select: { kind: true } }) : null,
    db.asset.findUnique({ where: { tag: input.tag }, select: { id: true } }),
    input.serialNumber
      ? db.asset.findUnique({ where: { serialNumber: input.serialNumber }, select: { id: true } })
      : null,
  ]);
  if (!kind?.active) throw invalid("kindId", "unknown_asset_kind");
  if (input.bodyId && (!body || body.kind === "provider")) throw invalid("bodyId", "unknown_partner");
  if (sameTag && sameTag.id !== selfId) throw invalid("tag", "tag_already_used");
  if (sameSerial && sameSerial.id !== selfId) throw invalid("serialNumber", "serial_already_used");
}

/** A race lost on a unique index reads as the same field error as the check above. */
function uniqueError(error: unknown): unknown {
  if (isUniqueViolation(error, "serialNumber")) return invalid("serialNumber", "serial_already_used");
  if (isUniqueViolation(error, "tag")) return invalid("tag", "tag_already_used");
  return error;
}

export async function createAsset(db: Db, actor: Actor, raw: z.input<typeof createAssetInput>, tx?: DbTx) {
  requireAssetManager(actor);
  const input = createAssetInput.parse(raw);
  await checkFields(tx ?? db, input);
  const write = async (t: DbTx) => {
    const asset = await t.asset.create({ data: columns(input) });
    await recordAssetEvent(t, {
      assetId: asset.id,
      kind: "created",
      data: { status: asset.status, bodyId: asset.bodyId },
      actorId: actor.userId,
    });
    await recordAudit(t, {
      actor,
      channel: "web",
      entityType: "Asset",
      entityId: asset.id,
      bodyId: asset.bodyId,
      action: "create",
      after: snapshot(asset),
    });
    return asset;
  };
  try {
    return tx ? await write(tx) : await db.$transaction(write);
  } catch (error) {
    throw uniqueError(error);
  }
}

export async function updateAsset(db: Db, actor: Actor, raw: z.input<typeof updateAssetInput>) {
  requireAssetManager(actor);
  const { id, ...input } = updateAssetInput.parse(raw);
  await checkFields(db, input, id);
  try {
    return await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<
        { id: string }[]
      >`SELECT "id" FROM "Asset" WHERE "id" = ${id}::uuid FOR UPDATE`;
      if (rows.length === 0) throw notFound("asset");
      const before = await tx.asset.findUniqueOrThrow({ where: { id } });
      const asset = await tx.asset.update({ where: { id }, data: columns(input) });
      const [b, a] = [snapshot(before), snapshot(asset)];
      const changed = Object.keys(a).filter(
        (k) => JSON.stringify(a[k as keyof typeof a]) !== JSON.stringify(b[k as keyof typeof b]),
      );
      if (changed.length > 0) {
        const statusChanged = before.status !== asset.status || before.bodyId !== asset.bodyId;
        await recordAssetEvent(tx, {
          assetId: id,
          kind: statusChanged ? "status_changed" : "updated",
          data: {
            fields: changed,
            ...(statusChanged
              ? { from: before.status, to: asset.status, fromBodyId: before.bodyId, toBodyId: asset.bodyId }
              : {}),
          },
          actorId: actor.userId,
        });
        // Items of a kit follow it to and from a body.
        if (statusChanged)
          await tx.asset.updateMany({
            where: { kitId: id },
            data: { status: asset.status, bodyId: asset.bodyId, location: asset.location },
          });
      }
      await recordAudit(tx, {
        actor,
        channel: "web",
        entityType: "Asset",
        entityId: id,
        bodyId: asset.bodyId ?? before.bodyId,
        action: "update",
        before: b,
        after: a,
      });
      return asset;
    });
  } catch (error) {
    throw uniqueError(error);
  }
}

export interface CustodyChange {
  assetIds: string[];
  status: AssetStatusValue;
  /** The body holding them afterwards (null: back at the provider's; absent: unchanged). */
  bodyId?: string | null;
  location?: string;
  actorId?: string | null;
  /** The history entry's kind, e.g. "loan_in_service", "loan_returned", "loan_stolen". */
  kind: string;
  data?: Record<string, unknown>;
  at?: Date;
  /**
   * Whether the items of the kits among them follow (default). A loan lists every item itself and
   * may return a kit without one of its items: it moves exactly the assets it names.
   */
  withKitItems?: boolean;
}

/**
 * Moves assets (and, unless told otherwise, the items of the kits among them) to a status and
 * holder, in the caller's transaction, writing one history entry per asset with where it came from
 * and where it went (`from`/`to`, `fromBodyId`/`toBodyId`: what an agent's view of the history
 * is cut on). The one way other domains (loans) move equipment.
 */
export async function setAssetCustody(tx: DbTx, change: CustodyChange): Promise<void> {
  if (change.assetIds.length === 0) return;
  const items =
    change.withKitItems === false
      ? []
      : await tx.asset.findMany({
          where: { kitId: { in: change.assetIds }, id: { notIn: change.assetIds } },
          select: { id: true },
        });
  const ids = [...new Set([...change.assetIds, ...items.map((i) => i.id)])];
  const before = await tx.asset.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, bodyId: true },
    orderBy: { id: "asc" },
  });
  if (before.length !== ids.length) throw notFound("asset");
  await tx.asset.updateMany({
    where: { id: { in: ids } },
    data: {
      status: change.status as AssetStatus,
      ...(change.bodyId !== undefined ? { bodyId: change.bodyId } : {}),
      ...(change.location !== undefined ? { location: change.location } : {}),
    },
  });
  await tx.assetEvent.createMany({
    data: before.map((b) => ({
      assetId: b.id,
      kind: change.kind,
      actorId: change.actorId || null,
      data: {
        ...change.data,
        from: b.status,
        to: change.status,
        fromBodyId: b.bodyId,
        toBodyId: change.bodyId !== undefined ? change.bodyId : b.bodyId,
        ...(change.location !== undefined ? { location: change.location } : {}),
      } as Prisma.InputJsonValue,
      ...(change.at ? { createdAt: change.at } : {}),
    })),
  });
}

async function lockedKit(tx: DbTx, kitId: string) {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "Asset" WHERE "id" = ${kitId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw notFound("asset");
  return tx.asset.findUniqueOrThrow({
    where: { id: kitId },
    select: {
      id: true,
      tag: true,
      status: true,
      bodyId: true,
      location: true,
      kind: { select: { isKit: true } },
    },
  });
}

/** Puts an asset (found by tag or serial number) into a kit; it then follows the kit. */
export async function addKitItem(db: Db, actor: Actor, raw: z.input<typeof kitItemInput>) {
  requireAssetManager(actor);
  const input = kitItemInput.parse(raw);
  return db.$transaction(async (tx) => {
    const kit = await lockedKit(tx, input.kitId);
    const item = await tx.asset.findFirst({
      where: { OR: [{ tag: input.item }, { serialNumber: input.item }] },
      select: { id: true, tag: true, status: true, kitId: true, kind: { select: { isKit: true } } },
    });
    if (!item) throw invalid("item", "unknown_asset");
    const problem = kitItemProblem(
      { id: kit.id, isKit: kit.kind.isKit },
      { id: item.id, isKit: item.kind.isKit, kitId: item.kitId },
    );
    if (problem) throw invalid("item", problem);
    if (item.status !== kit.status && item.status !== "in_stock") throw invalid("item", "item_not_available");
    await tx.asset.update({
      where: { id: item.id },
      data: { kitId: kit.id, status: kit.status, bodyId: kit.bodyId, location: kit.location },
    });
    await recordAssetEvent(tx, {
      assetId: kit.id,
      kind: "kit_item_added",
      data: { itemId: item.id, tag: item.tag },
      actorId: actor.userId,
    });
    await recordAssetEvent(tx, {
      assetId: item.id,
      kind: "added_to_kit",
      data: { kitId: kit.id, tag: kit.tag },
      actorId: actor.userId,
    });
    return { kitId: kit.id, itemId: item.id };
  });
}

/** Takes an item out of its kit: it goes back to stock at the provider's. */
export async function removeKitItem(db: Db, actor: Actor, raw: z.input<typeof removeKitItemInput>) {
  requireAssetManager(actor);
  const input = removeKitItemInput.parse(raw);
  return db.$transaction(async (tx) => {
    const kit = await lockedKit(tx, input.kitId);
    const item = await tx.asset.findUnique({
      where: { id: input.itemId },
      select: { id: true, tag: true, kitId: true },
    });
    if (!item || item.kitId !== kit.id) throw notFound("kit item");
    await tx.asset.update({
      where: { id: item.id },
      data: { kitId: null, status: "in_stock", bodyId: null },
    });
    await recordAssetEvent(tx, {
      assetId: kit.id,
      kind: "kit_item_removed",
      data: { itemId: item.id, tag: item.tag },
      actorId: actor.userId,
    });
    await recordAssetEvent(tx, {
      assetId: item.id,
      kind: "removed_from_kit",
      data: { kitId: kit.id, tag: kit.tag },
      actorId: actor.userId,
    });
    return { ok: true };
  });
}

export async function addKitAccessory(db: Db, actor: Actor, raw: z.input<typeof accessoryInput>) {
  requireAssetManager(actor);
  const input = accessoryInput.parse(raw);
  return db.$transaction(async (tx) => {
    const kit = await lockedKit(tx, input.kitId);
    if (!kit.kind.isKit) throw invalid("label", "not_a_kit");
    const accessory = await tx.kitAccessory.create({
      data: { kitId: kit.id, label: input.label, quantity: input.quantity },
    });
    await recordAssetEvent(tx, {
      assetId: kit.id,
      kind: "accessory_added",
      data: { label: input.label, quantity: input.quantity },
      actorId: actor.userId,
    });
    return accessory;
  });
}

export async function removeKitAccessory(db: Db, actor: Actor, raw: z.input<typeof removeAccessoryInput>) {
  requireAssetManager(actor);
  const input = removeAccessoryInput.parse(raw);
  return db.$transaction(async (tx) => {
    const accessory = await tx.kitAccessory.findUnique({ where: { id: input.id } });
    if (!accessory) throw notFound("accessory");
    await lockedKit(tx, accessory.kitId);
    await tx.kitAccessory.delete({ where: { id: accessory.id } });
    await recordAssetEvent(tx, {
      assetId: accessory.kitId,
      kind: "accessory_removed",
      data: { label: accessory.label, quantity: accessory.quantity },
      actorId: actor.userId,
    });
    return { ok: true };
  });
}

export async function createAssetKind(db: Db, actor: Actor, raw: z.input<typeof kindInput>) {
  requireKindEditor(actor);
  const input = kindInput.parse(raw);
  try {
    return await db.$transaction(async (tx) => {
      const kind = await tx.assetKind.create({ data: input });
      await recordAudit(tx, {
        actor,
        channel: "web",
        entityType: "AssetKind",
        entityId: kind.id,
        action: "create",
        after: input,
      });
      return kind;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid("code", "kind_code_used");
    throw error;
  }
}

export async function updateAssetKind(db: Db, actor: Actor, raw: z.input<typeof updateKindInput>) {
  requireKindEditor(actor);
  const { id, ...input } = updateKindInput.parse(raw);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.assetKind.findUnique({ where: { id } });
      if (!before) throw notFound("asset kind");
      // Codes are what other parts (test sheet templates, imports) refer to: they never change.
      const kind = await tx.assetKind.update({ where: { id }, data: { ...input, code: before.code } });
      await recordAudit(tx, {
        actor,
        channel: "web",
        entityType: "AssetKind",
        entityId: id,
        action: "update",
        before: {
          label: before.label,
          holdsData: before.holdsData,
          isKit: before.isKit,
          position: before.position,
          active: before.active,
        },
        after: {
          label: kind.label,
          holdsData: kind.holdsData,
          isKit: kind.isKit,
          position: kind.position,
          active: kind.active,
        },
      });
      return kind;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid("code", "kind_code_used");
    throw error;
  }
}
