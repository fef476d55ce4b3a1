// Signed documents attached to a convention: bytes in the file store, metadata in the database.
import type { Db } from "@mutuo/db";
import { recordAudit } from "../audit/service.ts";
import { invalid, notFound } from "../errors/index.ts";
import type { Actor } from "../identity/actor.ts";
import type { FileStore } from "../files/index.ts";
import { assertConventionVisible, requireConventionManager } from "./policy.ts";
import { documentInput, MAX_DOCUMENT_BYTES } from "./schema.ts";
import type { z } from "zod";

/** The file's first bytes must match its declared type (no executable renamed .pdf). */
function contentMatches(mimeType: string, bytes: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (mimeType === "application/pdf") return starts(0x25, 0x50, 0x44, 0x46);
  if (mimeType === "image/png") return starts(0x89, 0x50, 0x4e, 0x47);
  if (mimeType === "image/jpeg") return starts(0xff, 0xd8, 0xff);
  return starts(0x50, 0x4b, 0x03, 0x04); // OpenDocument and OOXML are zip files
}

export async function addConventionDocument(db: Db, files: FileStore, actor: Actor, raw: z.input<typeof documentInput>) {
  requireConventionManager(actor);
  const input = documentInput.parse(raw);
  const bytes = new Uint8Array(Buffer.from(input.contentBase64, "base64"));
  if (bytes.byteLength === 0) throw invalid("file", "required");
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw invalid("file", "file_too_large", { max: MAX_DOCUMENT_BYTES / 1024 / 1024 });
  if (!contentMatches(input.mimeType, bytes)) throw invalid("file", "file_type");
  const convention = await db.convention.findUnique({ where: { id: input.conventionId }, select: { id: true, signatoryBodyId: true, versions: { select: { id: true } } } });
  if (!convention) throw notFound("convention");
  if (input.versionId && !convention.versions.some((v) => v.id === input.versionId)) throw invalid("versionId", "invalid");
  const stored = await files.put(bytes);
  try {
    return await db.$transaction(async (tx) => {
      const file = await tx.storedFile.create({ data: { storageKey: stored.key, name: input.fileName, mimeType: input.mimeType, size: stored.size, sha256: stored.sha256, uploadedById: actor.userId } });
      const doc = await tx.conventionDocument.create({ data: { conventionId: convention.id, versionId: input.versionId ?? null, fileId: file.id, label: input.label } });
      await recordAudit(tx, { actor, channel: "web", entityType: "Convention", entityId: convention.id, bodyId: convention.signatoryBodyId, action: "update", before: {}, after: { [`document ${input.label}`]: `${input.fileName} (${stored.size} o, sha256 ${stored.sha256.slice(0, 12)})` } });
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
    const doc = await tx.conventionDocument.findUnique({ where: { id: documentId }, include: { file: true, convention: { select: { signatoryBodyId: true } } } });
    if (!doc) throw notFound("document");
    await tx.conventionDocument.delete({ where: { id: documentId } });
    await tx.storedFile.delete({ where: { id: doc.fileId } });
    await recordAudit(tx, { actor, channel: "web", entityType: "Convention", entityId: doc.conventionId, bodyId: doc.convention.signatoryBodyId, action: "update", before: { [`document ${doc.label}`]: doc.file.name }, after: {} });
    return doc.file.storageKey;
  });
  await files.remove(key);
}

/** A document's bytes, for whoever may see its convention. */
export async function readConventionDocument(db: Db, files: FileStore, actor: Actor, documentId: string) {
  const doc = await db.conventionDocument.findUnique({ where: { id: documentId }, include: { file: true, convention: { select: { signatoryBodyId: true } } } });
  assertConventionVisible(actor, doc?.convention ?? null);
  const d = doc!;
  return { name: d.file.name, mimeType: d.file.mimeType, size: d.file.size, bytes: await files.get(d.file.storageKey) };
}
