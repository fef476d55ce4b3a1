// Ticket attachments: checked, stored in the file store, linked in the caller's transaction.
import type { Db, DbTx } from "@mutuo/db";
import { checkUpload, type FileStore } from "../files/index.ts";
import { isStaff, type Actor } from "../access/index.ts";
import { assertTicketVisible } from "./policy.ts";
import { MAX_ATTACHMENT_BYTES, type AttachmentInput } from "./schema.ts";
import { notFound } from "../errors/index.ts";

export interface StagedFile {
  key: string;
  sha256: string;
  size: number;
  name: string;
  mimeType: string;
}

/** Checks and stores the bytes before the transaction; `discard` removes them if it fails. */
export async function stageFiles(files: FileStore, inputs: AttachmentInput[]) {
  const checked = inputs.map((a) => ({
    a,
    bytes: checkUpload(a.contentBase64, a.mimeType, MAX_ATTACHMENT_BYTES),
  }));
  const staged: StagedFile[] = [];
  for (const { a, bytes } of checked)
    staged.push({ ...(await files.put(bytes)), name: a.fileName, mimeType: a.mimeType });
  return { staged, discard: () => Promise.all(staged.map((s) => files.remove(s.key))) };
}

export async function linkFiles(
  tx: DbTx,
  staged: StagedFile[],
  ticketId: string,
  messageId: string | null,
  internal: boolean,
  uploadedById: string | null,
) {
  for (const s of staged) {
    const file = await tx.storedFile.create({
      data: {
        storageKey: s.key,
        name: s.name,
        mimeType: s.mimeType,
        size: s.size,
        sha256: s.sha256,
        uploadedById,
      },
    });
    await tx.ticketAttachment.create({ data: { ticketId, messageId, fileId: file.id, internal } });
  }
}

/** Files already in the store (a quarantined e-mail's) become the ticket's attachments. */
export async function attachStoredFiles(
  tx: DbTx,
  fileIds: string[],
  ticketId: string,
  messageId: string | null,
) {
  for (const fileId of fileIds)
    await tx.ticketAttachment.create({ data: { ticketId, messageId, fileId, internal: false } });
}

/** An attachment's bytes, for whoever may see the ticket (partners: never an internal note's). */
export async function readTicketAttachment(db: Db, files: FileStore, actor: Actor, attachmentId: string) {
  const att = await db.ticketAttachment.findUnique({
    where: { id: attachmentId },
    include: { file: true, ticket: { select: { bodyId: true } } },
  });
  assertTicketVisible(actor, att?.ticket ?? null);
  if (att!.internal && !isStaff(actor)) throw notFound("attachment");
  return {
    name: att!.file.name,
    mimeType: att!.file.mimeType,
    size: att!.file.size,
    bytes: await files.get(att!.file.storageKey),
  };
}
