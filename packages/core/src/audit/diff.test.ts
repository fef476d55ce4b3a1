import { describe, expect, it } from "vitest";
import { diffFields } from "./diff.ts";

describe("audit diff", () => {
  it("keeps only changed fields with before and after", () => {
    expect(
      diffFields({ a: 1, b: "x", updatedAt: new Date(1) }, { a: 2, b: "x", updatedAt: new Date(2) }),
    ).toEqual({ a: [1, 2] });
    expect(diffFields(null, { name: "Montclair", population: 3920 })).toEqual({
      name: [null, "Montclair"],
      population: [null, 3920],
    });
    expect(diffFields({ at: new Date("2026-01-01T00:00:00Z") }, { at: null })).toEqual({
      at: ["2026-01-01T00:00:00.000Z", null],
    });
  });

  it("never records secrets", () => {
    expect(diffFields({ passwordHash: null }, { passwordHash: "$argon2id$…" })).toEqual({
      passwordHash: [null, "***"],
    });
  });
});
