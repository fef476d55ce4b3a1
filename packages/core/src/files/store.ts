// Where file bytes live. The local implementation writes under a data folder; an S3-compatible
// store can implement the same interface later. Keys are generated here, never taken from users.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rm, writeFile, rename, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export interface FileStore {
  put(bytes: Uint8Array): Promise<{ key: string; sha256: string; size: number }>;
  get(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
}

/** A store that also takes and gives bytes as streams (large files, never held whole in memory). */
export interface StreamingFileStore extends FileStore {
  /** Writes the stream under a new key; past `maxBytes` it stops, removes what it wrote and throws
   * FileTooLargeError. */
  putStream(
    source: AsyncIterable<Uint8Array>,
    maxBytes: number,
  ): Promise<{ key: string; sha256: string; size: number }>;
  /** Reads the bytes from `start` (inclusive) on. */
  openRead(key: string, start?: number): Readable;
  size(key: string): Promise<number>;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
    this.name = "FileTooLargeError";
  }
}

export function localFileStore(root: string): StreamingFileStore {
  const where = (key: string) => {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`bad storage key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(bytes) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const file = where(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(`${file}.part`, bytes);
      await rename(`${file}.part`, file);
      return { key, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.byteLength };
    },
    async get(key) {
      return new Uint8Array(await readFile(where(key)));
    },
    async remove(key) {
      await rm(where(key), { force: true });
    },
    async putStream(source, maxBytes) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const file = where(key);
      await mkdir(path.dirname(file), { recursive: true });
      const hash = createHash("sha256");
      let size = 0;
      async function* counted() {
        for await (const chunk of source) {
          size += chunk.byteLength;
          if (size > maxBytes) throw new FileTooLargeError(maxBytes);
          hash.update(chunk);
          yield chunk;
        }
      }
      try {
        await pipeline(counted, createWriteStream(`${file}.part`));
      } catch (e) {
        await rm(`${file}.part`, { force: true });
        throw e;
      }
      await rename(`${file}.part`, file);
      return { key, sha256: hash.digest("hex"), size };
    },
    openRead(key, start = 0) {
      return createReadStream(where(key), { start, highWaterMark: 256 * 1024 });
    },
    async size(key) {
      return (await stat(where(key))).size;
    },
  };
}

/** The first `bytes` bytes of a stored file (enough to check its content against its type). */
export async function readHead(store: StreamingFileStore, key: string, bytes = 8192): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of store.openRead(key)) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).byteLength;
    if (size >= bytes) break;
  }
  return new Uint8Array(Buffer.concat(chunks).subarray(0, bytes));
}
