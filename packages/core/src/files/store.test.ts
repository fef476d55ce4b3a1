import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localFileStore } from "./store.ts";

describe("localFileStore", () => {
  let dir = "";
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("stores, reads back and removes bytes under generated keys, with their digest", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "mutuo-files-"));
    const store = localFileStore(dir);
    const saved = await store.put(new TextEncoder().encode("convention signée"));
    expect(saved.size).toBe(18);
    expect(saved.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(new TextDecoder().decode(await store.get(saved.key))).toBe("convention signée");
    await store.remove(saved.key);
    await expect(store.get(saved.key)).rejects.toThrow();
  });

  it("refuses keys it did not make (no path traversal)", async () => {
    const store = localFileStore(dir);
    await expect(store.get("../../etc/passwd")).rejects.toThrow(/bad storage key/);
  });
});
