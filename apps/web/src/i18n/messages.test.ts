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
