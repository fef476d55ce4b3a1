// Photos and documents of an asset (invoice, warranty, photo of the label): bytes in the file store,
// metadata in the database, the history and the audit trail written with them.
import type { Db } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import type { Actor } from "../access/index.ts";
import { notFound } from "../errors/index.ts";
import { checkUpload, type FileStore } from "../files/index.ts";
import { assertAssetVisible, requireAssetManager } from "./policy.ts";
import { recordAssetEvent } from "./service.ts";
import { assetFileIdInput, assetFileInput, MAX_ASSET_FILE_BYTES } from "./schema.ts";
import type { z } from "zod";

export async function addAssetFile(
  db: Db,
  files: FileStore,
  actor: Actor,
  raw: z.input<typeof assetFileInput>,
) {
  requireAssetManager(actor);
  const input = assetFileInput.parse(raw);
  const bytes = checkUpload(input.contentBase64, input.mimeType, MAX_ASSET_FILE_BYTES);
  const asset = await db.asset.findUnique({
    where: { id: input.assetId },
    select: { id: true, bodyId: true },
  });
  if (!asset) throw notFound("asset");
  const stored = await files.put(bytes);
  const label = input.label || input.fileName;
  try {
    return await db.$transaction(async (tx) => {
      const file = await tx.storedFile.create({
        data: {
          storageKey: stored.key,
          name: input.fileName,
          mimeType: input.mimeType,
          size: stored.size,
          sha256: stored.sha256,
          uploadedById: actor.userId,
        },
      });
      const row = await tx.assetFile.create({ data: { assetId: asset.id, fileId: file.id, label } });
      await recordAssetEvent(tx, {
        assetId: asset.id,
        kind: "file_added",
        data: { label, name: input.fileName, size: stored.size },
        actorId: actor.userId,
      });
      await recordAudit(tx, {
        actor,
        channel: "web",
        entityType: "Asset",
        entityId: asset.id,
        bodyId: asset.bodyId,
        action: "update",
        before: {},
        after: {
          [`fichier ${label}`]: `${input.fileName} (${stored.size} o, sha256 ${stored.sha256.slice(0, 12)})`,
        },
      });
      return row;
    });
  } catch (error) {
    await files.remove(stored.key);
    throw error;
  }
}

export async function removeAssetFile(
  db: Db,
  files: FileStore,
  actor: Actor,
  raw: z.input<typeof assetFileIdInput>,
) {
  requireAssetManager(actor);
  const { id } = assetFileIdInput.parse(raw);
  const key = await db.$transaction(async (tx) => {
    const row = await tx.assetFile.findUnique({
      where: { id },
      include: { file: true, asset: { select: { bodyId: true } } },
    });
    if (!row) throw notFound("asset file");
    await tx.assetFile.delete({ where: { id } });
    await tx.storedFile.delete({ where: { id: row.fileId } });
    await recordAssetEvent(tx, {
      assetId: row.assetId,
      kind: "file_removed",
      data: { label: row.label, name: row.file.name },
      actorId: actor.userId,
    });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Asset",
      entityId: row.assetId,
      bodyId: row.asset.bodyId,
      action: "update",
      before: { [`fichier ${row.label}`]: row.file.name },
      after: {},
    });
    return row.file.storageKey;
  });
  await files.remove(key);
  return { ok: true };
}

/** A file's bytes, for whoever may see its asset. */
export async function readAssetFile(db: Db, files: FileStore, actor: Actor, id: string) {
  const row = await db.assetFile.findUnique({
    where: { id },
    include: { file: true, asset: { select: { bodyId: true } } },
  });
  assertAssetVisible(actor, row?.asset ?? null);
  const r = row!;
  return {
    name: r.file.name,
    mimeType: r.file.mimeType,
    size: r.file.size,
    bytes: await files.get(r.file.storageKey),
  };
}
