// Where file bytes live. The local implementation writes under a data folder; an S3-compatible
// store can implement the same interface later. Keys are generated here, never taken from users.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile, rename } from "node:fs/promises";
import path from "node:path";

export interface FileStore {
  put(bytes: Uint8Array): Promise<{ key: string; sha256: string; size: number }>;
  get(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
}

export function localFileStore(root: string): FileStore {
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
  };
}
