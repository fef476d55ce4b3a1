// Reading a received file as a stream of rows: CSV (UTF-8 with or without BOM, or Windows-1252;
// `;` `,` or tab; quoted fields with line breaks) with CsvSplitter (csv.ts), XLSX with exceljs's streaming
// reader. Memory stays flat whatever the size: nothing holds the whole file.
import { Transform, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { invalid } from "../errors/index.ts";
import type { StreamingFileStore } from "../files/index.ts";
import { CsvSplitter, type CsvRecord } from "./csv.ts";
import { detectDelimiter, detectEncoding, type Delimiter, type Encoding } from "./rules.ts";

export type FileFormat = "csv" | "xlsx";

export type SourceRow = {
  /** Line number in the original file (CSV: first physical line of the record; XLSX: row number). */
  line: number;
  /** The row as it was in the file. */
  raw: string;
  fields: string[];
};

export type FileShape = { format: FileFormat; encoding: Encoding; delimiter: Delimiter; headers: string[] };

const ZIP = [0x50, 0x4b, 0x03, 0x04];

async function head(store: StreamingFileStore, key: string, max = 64 * 1024): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of store.openRead(key)) {
    const b = c as Buffer;
    chunks.push(b);
    n += b.length;
    if (n >= max) break;
  }
  return new Uint8Array(Buffer.concat(chunks).subarray(0, max));
}

/** Format, encoding, delimiter and header row of a stored file; French-keyed errors on field "file". */
export async function sniffFile(
  store: StreamingFileStore,
  key: string,
  name: string,
  override: { delimiter?: Delimiter; encoding?: Encoding } = {},
): Promise<FileShape> {
  const bytes = await head(store, key);
  if (bytes.length === 0) throw invalid("file", "migration_empty_file");
  const isZip = ZIP.every((b, i) => bytes[i] === b);
  if (/\.xlsx$/i.test(name) || isZip) {
    if (!isZip) throw invalid("file", "migration_not_xlsx");
    const shape: FileShape = { format: "xlsx", encoding: "utf-8", delimiter: ";", headers: [] };
    try {
      for await (const row of readRows(store, key, shape)) {
        shape.headers = row.fields.map((f) => f.trim());
        break;
      }
    } catch {
      throw invalid("file", "migration_not_xlsx");
    }
    if (shape.headers.filter(Boolean).length === 0) throw invalid("file", "migration_no_header");
    return shape;
  }
  if (bytes.subarray(0, 8192).includes(0)) throw invalid("file", "migration_not_text");
  const size = await store.size(key);
  const encoding = override.encoding ?? detectEncoding(bytes, size > bytes.length);
  const text = iconv.decode(Buffer.from(bytes), encoding).replace(/^\uFEFF/, "");
  if (text.trim() === "") throw invalid("file", "migration_empty_file");
  const delimiter = override.delimiter ?? detectDelimiter(text);
  const shape: FileShape = { format: "csv", encoding, delimiter, headers: [] };
  try {
    for await (const row of readRows(store, key, shape)) {
      shape.headers = row.fields.map((f) => f.trim());
      break;
    }
  } catch {
    throw invalid("file", "migration_bad_csv");
  }
  if (!looksLikeHeader(shape.headers)) throw invalid("file", "migration_no_header");
  return shape;
}

/** A header row names its columns: no empty name, no number or date in place of a name, no repeat. */
export function looksLikeHeader(headers: string[]): boolean {
  if (headers.length === 0 || headers.some((h) => h === "")) return false;
  if (headers.some((h) => /^[\d\s.,/:+-]+$/.test(h) || /@/.test(h))) return false;
  return new Set(headers.map((h) => h.toLowerCase())).size === headers.length;
}

/** Counts the bytes read from the file, for progress. */
export type ByteCounter = { bytes: number };

/** Every row of the file, header included (line 1), from its stored bytes. */
export async function* readRows(
  store: StreamingFileStore,
  key: string,
  shape: Pick<FileShape, "format" | "encoding" | "delimiter">,
  counter: ByteCounter = { bytes: 0 },
): AsyncGenerator<SourceRow> {
  for await (const batch of readBatches(store, key, shape, counter)) yield* batch;
}

/** The rows of the file in batches (one per chunk read), header included: the check run's loop pays
 * one await per chunk, not per row. */
export async function* readBatches(
  store: StreamingFileStore,
  key: string,
  shape: Pick<FileShape, "format" | "encoding" | "delimiter">,
  counter: ByteCounter = { bytes: 0 },
): AsyncGenerator<SourceRow[]> {
  const file = store.openRead(key);
  try {
    if (shape.format === "xlsx") {
      // Counted as they pass (a "data" listener on the file would read it at full speed, past backpressure).
      const counted = file.pipe(
        new Transform({
          transform(chunk: Buffer, _enc, done) {
            counter.bytes += chunk.length;
            done(null, chunk);
          },
        }),
      );
      try {
        let batch: SourceRow[] = [];
        for await (const row of xlsxRows(counted)) {
          batch.push(row);
          if (batch.length === 1000) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length) yield batch;
      } finally {
        counted.destroy();
      }
    } else yield* csvBatches(file, shape.encoding, shape.delimiter, counter);
  } finally {
    file.destroy();
  }
}

const DECODE_BYTES = 32 * 1024;

async function* csvBatches(
  source: Readable,
  encoding: Encoding,
  delimiter: Delimiter,
  counter: ByteCounter,
): AsyncGenerator<SourceRow[]> {
  // The platform's decoder (ICU): several times faster than iconv-lite's on Windows-1252; strips a UTF-8 BOM.
  const decoder = new TextDecoder(encoding);
  const splitter = new CsvSplitter(delimiter);
  for await (const chunk of source as AsyncIterable<Buffer>) {
    // Decoded in pieces of 32 KB: a longer string would be allocated in V8's large-object space,
    // which only a full collection frees (the worker's memory would then grow with the file).
    for (let at = 0; at < chunk.length; at += DECODE_BYTES) {
      const piece = chunk.subarray(at, at + DECODE_BYTES);
      counter.bytes += piece.length;
      const out: CsvRecord[] = [];
      splitter.push(decoder.decode(piece, { stream: true }), false, out);
      if (out.length) yield out;
    }
  }
  const out: CsvRecord[] = [];
  splitter.push(decoder.decode(), true, out);
  if (out.length) yield out;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) {
    const d = v;
    return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
  }
  if (typeof v === "number") return String(v).replace(".", ",");
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return String(v.text);
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("error" in v) return String(v.error);
    return "";
  }
  return String(v);
}

async function* xlsxRows(source: Readable): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: "cache",
    worksheets: "emit",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      yield { line: row.number, raw: values.join(";"), fields: values };
    }
    break; // the first sheet only
  }
}
