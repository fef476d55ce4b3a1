// An e-mail's attachments: those a ticket accepts (type, content, size, count) are kept, the others
// are listed as skipped; a quarantined message's are stored until a technician decides.
import type { DbTx } from "@mutuo/db";
import { contentMatches, typeByExtension, UPLOAD_TYPES, type FileStore } from "../files/index.ts";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type AttachmentInput } from "../tickets/index.ts";
import type { ParsedAttachment } from "./parse.ts";

export interface Kept {
  attachments: AttachmentInput[];
  skipped: { name: string; reason: "type" | "size" | "count" }[];
}

const allowed = new Set<string>(Object.values(UPLOAD_TYPES));

/** The declared type, or the one its extension names when the sender's client said octet-stream. */
function typeOf(a: ParsedAttachment): string | null {
  if (allowed.has(a.mimeType)) return a.mimeType;
  return typeByExtension(a.fileName);
}

export function keepAttachments(list: ParsedAttachment[]): Kept {
  const kept: Kept = { attachments: [], skipped: [] };
  for (const a of list) {
    const type = typeOf(a);
    if (!type || !contentMatches(type, a.content)) kept.skipped.push({ name: a.fileName, reason: "type" });
    else if (a.content.byteLength === 0 || a.content.byteLength > MAX_ATTACHMENT_BYTES)
      kept.skipped.push({ name: a.fileName, reason: "size" });
    else if (kept.attachments.length >= MAX_ATTACHMENTS)
      kept.skipped.push({ name: a.fileName, reason: "count" });
    else
      kept.attachments.push({
        fileName: a.fileName,
        mimeType: type,
        contentBase64: a.content.toString("base64"),
      });
  }
  return kept;
}

/** Stores a quarantined message's files; `link` records them in the caller's transaction. */
export async function storeQuarantined(files: FileStore, attachments: AttachmentInput[]) {
  const stored: { key: string; sha256: string; size: number; name: string; mimeType: string }[] = [];
  for (const a of attachments)
    stored.push({
      ...(await files.put(new Uint8Array(Buffer.from(a.contentBase64, "base64")))),
      name: a.fileName,
      mimeType: a.mimeType,
    });
  return {
    async link(tx: DbTx, incomingId: string) {
      for (const s of stored) {
        const file = await tx.storedFile.create({
          data: { storageKey: s.key, name: s.name, mimeType: s.mimeType, size: s.size, sha256: s.sha256 },
        });
        await tx.incomingAttachment.create({ data: { incomingId, fileId: file.id } });
      }
    },
    discard: () => Promise.all(stored.map((s) => files.remove(s.key))),
  };
}
