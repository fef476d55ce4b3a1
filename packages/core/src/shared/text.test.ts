import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeCursor, cursorPart, encodeCursor } from "./cursor.ts";
import { cleanText, text } from "./text.ts";

describe("text inputs", () => {
  it("drops NUL characters and replaces lone surrogates, keeping pairs and everything else", () => {
    expect(cleanText("a\u0000b")).toBe("ab");
    expect(cleanText("x\ud800y\udc00z")).toBe("x\ufffdy\ufffdz");
    expect(cleanText("🙂 \u202eRTL é")).toBe("🙂 \u202eRTL é");
    expect(cleanText("\udc00\ud800")).toBe("\ufffd\ufffd");
  });

  it("checks the cleaned string: a field of NULs is empty", () => {
    expect(text().trim().min(1).safeParse("\u0000\u0000").success).toBe(false);
    expect(text().trim().max(3).parse(" a\u0000bc ")).toBe("abc");
  });

  it("is the only string type of the domains' input schemas", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const offenders: string[] = [];
    for (const entry of fs.readdirSync(root, { recursive: true, encoding: "utf8" })) {
      if (!entry.endsWith(".ts") || entry.endsWith(".test.ts") || entry.startsWith(`shared${path.sep}`))
        continue;
      const source = fs.readFileSync(path.join(root, entry), "utf8");
      if (/\bz\s*\.string\(\)/.test(source)) offenders.push(entry);
    }
    expect(offenders, "use text() from shared/text.ts (or z.uuid() for ids)").toEqual([]);
  });
});

describe("keyset cursors", () => {
  it("decode to the types of their parts, else a validation error on the cursor", () => {
    const at = "2026-01-01T00:00:00.000Z";
    const id = "6f1c2e9a-3b4d-4e5f-8a7b-9c0d1e2f3a4b";
    expect(decodeCursor(encodeCursor([at, id]), [cursorPart.instant, cursorPart.uuid])).toEqual([at, id]);
    for (const bad of [
      encodeCursor(["x", "y"]),
      encodeCursor([at]),
      encodeCursor([at, id, "z"]),
      encodeCursor([1, 2]),
      "%%%",
      Buffer.from("{").toString("base64url"),
    ])
      expect(() => decodeCursor(bad, [cursorPart.instant, cursorPart.uuid])).toThrow(
        expect.objectContaining({ code: "VALIDATION", field: "cursor" }),
      );
  });
});
