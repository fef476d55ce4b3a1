// Signed documents attached to a convention: bytes in the file store, metadata in the database.
import type { Db } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { checkUpload, type FileStore } from "../files/index.ts";
import { assertConventionVisible, requireConventionManager } from "./policy.ts";
import { documentInput, MAX_DOCUMENT_BYTES } from "./schema.ts";
import type { z } from "zod";

export async function addConventionDocument(
  db: Db,
  files: FileStore,
  actor: Actor,
  raw: z.input<typeof documentInput>,
) {
  requireConventionManager(actor);
  const input = documentInput.parse(raw);
  const bytes = checkUpload(input.contentBase64, input.mimeType, MAX_DOCUMENT_BYTES);
  const convention = await db.convention.findUnique({
    where: { id: input.conventionId },
    select: { id: true, signatoryBodyId: true, versions: { select: { id: true } } },
  });
  if (!convention) throw notFound("convention");
  if (input.versionId && !convention.versions.some((v) => v.id === input.versionId))
    throw invalid("versionId", "invalid");
  const stored = await files.put(bytes);
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
      const doc = await tx.conventionDocument.create({
        data: {
          conventionId: convention.id,
          versionId: input.versionId ?? null,
          fileId: file.id,
          label: input.label,
        },
      });
      await recordAudit(tx, {
        actor,
        channel: "web",
        entityType: "Convention",
        entityId: convention.id,
        bodyId: convention.signatoryBodyId,
        action: "update",
        before: {},
        after: {
          [`document ${input.label}`]: `${input.fileName} (${stored.size} o, sha256 ${stored.sha256.slice(0, 12)})`,
        },
      });
      return doc;
    });
  } catch (error) {
    await files.remove(stored.key);
    throw error;
  }
}

export async function removeConventionDocument(db: Db, files: FileStore, actor: Actor, documentId: string) {
  requireConventionManager(actor);
  const key = await db.$transaction(async (tx) => {
    const doc = await tx.conventionDocument.findUnique({
      where: { id: documentId },
      include: { file: true, convention: { select: { signatoryBodyId: true } } },
    });
    if (!doc) throw notFound("document");
    await tx.conventionDocument.delete({ where: { id: documentId } });
    await tx.storedFile.delete({ where: { id: doc.fileId } });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Convention",
      entityId: doc.conventionId,
      bodyId: doc.convention.signatoryBodyId,
      action: "update",
      before: { [`document ${doc.label}`]: doc.file.name },
      after: {},
    });
    return doc.file.storageKey;
  });
  await files.remove(key);
}

/** A document's bytes, for whoever may see its convention. */
export async function readConventionDocument(db: Db, files: FileStore, actor: Actor, documentId: string) {
  const doc = await db.conventionDocument.findUnique({
    where: { id: documentId },
    include: { file: true, convention: { select: { signatoryBodyId: true } } },
  });
  assertConventionVisible(actor, doc?.convention ?? null);
  const d = doc!;
  return {
    name: d.file.name,
    mimeType: d.file.mimeType,
    size: d.file.size,
    bytes: await files.get(d.file.storageKey),
  };
}
