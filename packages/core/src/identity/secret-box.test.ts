import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isSealed, loadSecretKey, openSecret, sealSecret } from "./secret-box.ts";

describe("secret box", () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it("seals and opens, never the same way twice, and refuses another key or a tampered value", () => {
    const key = Buffer.alloc(32, 7);
    const a = sealSecret(key, "JBSWY3DPEHPK3PXP");
    const b = sealSecret(key, "JBSWY3DPEHPK3PXP");
    expect(isSealed(a)).toBe(true);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(a).not.toBe(b);
    expect(openSecret(key, a)).toBe("JBSWY3DPEHPK3PXP");
    expect(() => openSecret(Buffer.alloc(32, 8), a)).toThrow();
    const tampered = a.slice(0, -4) + (a.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(() => openSecret(key, tampered)).toThrow();
    expect(openSecret(key, "JBSWY3DPEHPK3PXP")).toBe("JBSWY3DPEHPK3PXP"); // stored before sealing existed
  });

  it("creates one key file that every process shares, readable by its owner only; or takes the environment's", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "mutuo-key-"));
    dirs.push(dir);
    const file = path.join(dir, "data", "secret.key");
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadSecretKey({ file })));
    expect(new Set(keys.map((k) => Buffer.from(k).toString("hex"))).size).toBe(1);
    expect(keys[0]!.length).toBe(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(file, "utf8")).trim(), "base64")).toEqual(Buffer.from(keys[0]!));
    const fromEnv = Buffer.alloc(32, 3).toString("base64");
    expect(Buffer.from(await loadSecretKey({ fromEnv, file })).equals(Buffer.alloc(32, 3))).toBe(true);
    await expect(loadSecretKey({ fromEnv: "c2hvcnQ=", file })).rejects.toThrow(/32 bytes/);
  });
});
