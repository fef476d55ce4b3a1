import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("messages", () => {
  it("has the same keys in French and English, none empty", () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
    const values = (o: object): unknown[] =>
      Object.values(o).flatMap((v) => (typeof v === "object" && v ? values(v) : [v]));
    expect(values(fr).every((v) => typeof v === "string" && v.length > 0)).toBe(true);
  });
});

describe("mailbox template labels", () => {
  it("names every e-mail template the core writes to the outbox, in both languages", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const root = join(__dirname, "../../../../packages/core/src");
    const files = (await readdir(root, { recursive: true })).filter(
      (f) => f.endsWith(".ts") && !f.includes(".test."),
    );
    const used = new Set<string>();
    for (const f of files)
      for (const m of (await readFile(join(root, f), "utf8")).matchAll(/template: "([a-z]+\.[a-z.-]+)"/g))
        used.add(m[1]!.replace(/[.-]/g, "_"));
    expect(used.size).toBeGreaterThan(10);
    for (const messages of [fr, en]) {
      const labels = Object.keys(messages.mailbox.template);
      expect([...used].filter((k) => !labels.includes(k))).toEqual([]);
    }
  });
});
