// Upload checks shared by every domain that takes files: size, declared type, and content that
// matches the declared type (no executable renamed .pdf).
import { invalid } from "../errors/index.ts";

export const UPLOAD_TYPES = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  txt: "text/plain",
  csv: "text/csv",
} as const;

/** Presentations (course materials): zip files like the other office formats. */
export const SLIDE_TYPES = {
  odp: "application/vnd.oasis.opendocument.presentation",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
} as const;

/** The type a file name's extension names among `types` (".jpg" is JPEG), or null. */
export function typeByExtension(
  fileName: string,
  types: Record<string, string> = UPLOAD_TYPES,
): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  return types[ext === "jpg" ? "jpeg" : ext] ?? null;
}

export function contentMatches(mimeType: string, bytes: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (mimeType === UPLOAD_TYPES.pdf) return starts(0x25, 0x50, 0x44, 0x46);
  if (mimeType === UPLOAD_TYPES.png) return starts(0x89, 0x50, 0x4e, 0x47);
  if (mimeType === UPLOAD_TYPES.jpeg) return starts(0xff, 0xd8, 0xff);
  if (mimeType === UPLOAD_TYPES.txt || mimeType === UPLOAD_TYPES.csv)
    return !bytes.subarray(0, 8192).includes(0);
  const zip = starts(0x50, 0x4b, 0x03, 0x04); // OpenDocument and OOXML are zip files
  if (!zip || !mimeType.startsWith("application/vnd.oasis.opendocument.")) return zip;
  // An OpenDocument package begins with an uncompressed entry "mimetype" holding its type.
  const ascii = (from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
  const nameLength = bytes[26]! | (bytes[27]! << 8);
  const extraLength = bytes[28]! | (bytes[29]! << 8);
  return (
    nameLength === 8 && ascii(30, 8) === "mimetype" && ascii(38 + extraLength, mimeType.length) === mimeType
  );
}

/** The first bytes of an OpenDocument package of `mimeType` (tests and demo files). */
export function openDocumentHead(mimeType: string): Uint8Array {
  const head = new Uint8Array(38 + mimeType.length);
  head.set([0x50, 0x4b, 0x03, 0x04, 0x0a]);
  head[26] = 8;
  head.set(new TextEncoder().encode(`mimetype${mimeType}`), 30);
  return head;
}

/** Decodes and checks an upload; throws a VALIDATION error on field "file". */
export function checkUpload(contentBase64: string, mimeType: string, maxBytes: number): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(contentBase64, "base64"));
  if (bytes.byteLength === 0) throw invalid("file", "required");
  if (bytes.byteLength > maxBytes)
    throw invalid("file", "file_too_large", { max: Math.round(maxBytes / 1024 / 1024) });
  if (!contentMatches(mimeType, bytes)) throw invalid("file", "file_type");
  return bytes;
}
