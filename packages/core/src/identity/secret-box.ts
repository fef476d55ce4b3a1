// Secrets kept in the database (TOTP seeds) are sealed with AES-256-GCM under a key that is not in
// the database: MUTUO_SECRET_KEY, else a key file in the data folder created at first use. A dump
// or a backup of the database alone does not reveal them.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const PREFIX = "v1:";

export function sealSecret(key: Uint8Array, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX);

/** The plain secret; a value stored before sealing existed is returned as it is. */
export function openSecret(key: Uint8Array, stored: string): string {
  if (!isSealed(stored)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      "a sealed secret cannot be opened with this key: did MUTUO_SECRET_KEY or the key file in the data folder change?",
    );
  }
}

/** The key: `fromEnv` (base64 of 32 bytes) when given, else the file, created once (whoever creates
 * it first wins; every process then reads the same key). */
export async function loadSecretKey(opts: { fromEnv?: string; file: string }): Promise<Uint8Array> {
  if (opts.fromEnv) {
    const key = Buffer.from(opts.fromEnv, "base64");
    if (key.length !== 32)
      throw new Error("MUTUO_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
    return key;
  }
  await mkdir(path.dirname(opts.file), { recursive: true });
  try {
    await writeFile(opts.file, `${randomBytes(32).toString("base64")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // Read back what is there (written by this process or another one); a reader racing a writer may
  // see an empty file for an instant.
  for (let i = 0; i < 50; i++) {
    const key = Buffer.from((await readFile(opts.file, "utf8")).trim(), "base64");
    if (key.length === 32) return key;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${opts.file}: not a 32-byte key in base64`);
}
