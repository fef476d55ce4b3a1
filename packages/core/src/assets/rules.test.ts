import { describe, expect, it } from "vitest";
import {
  assetUrl,
  centsToEuros,
  custodyProblem,
  eurosToCents,
  eventsSinceCustody,
  kitItemProblem,
  labelSlot,
} from "./rules.ts";

describe("asset rules", () => {
  it("reads amounts typed in euros", () => {
    expect(eurosToCents("1 234,56")).toBe(123456);
    expect(eurosToCents("890")).toBe(89000);
    expect(eurosToCents("12,5 €")).toBe(1250);
    expect(eurosToCents("")).toBeNull();
    expect(eurosToCents("12,345")).toBeNaN();
    expect(eurosToCents("-3")).toBeNaN();
    expect(centsToEuros(123456)).toBe("1234,56");
    expect(centsToEuros(null)).toBe("");
  });

  it("asks for a body when lent and none at the provider's", () => {
    expect(custodyProblem("lent", null)?.message).toBe("body_required_when_lent");
    expect(custodyProblem("in_stock", "b")?.message).toBe("no_body_at_provider");
    expect(custodyProblem("stolen", "b")).toBeNull();
    expect(custodyProblem("reserved", null)).toBeNull();
  });

  it("places labels 3 × 8 per A4 page", () => {
    expect(labelSlot(0)).toEqual({ page: 0, row: 0, column: 0 });
    expect(labelSlot(4)).toEqual({ page: 0, row: 1, column: 1 });
    expect(labelSlot(23)).toEqual({ page: 0, row: 7, column: 2 });
    expect(labelSlot(24)).toEqual({ page: 1, row: 0, column: 0 });
    expect(assetUrl("https://mutuo.example/", "x")).toBe("https://mutuo.example/equipements/x");
  });

  it("keeps kits one level deep and an item in one kit", () => {
    const kit = { id: "k", isKit: true };
    expect(kitItemProblem({ id: "k", isKit: false }, { id: "i", isKit: false, kitId: null })).toBe(
      "not_a_kit",
    );
    expect(kitItemProblem(kit, { id: "k2", isKit: true, kitId: null })).toBe("kit_in_kit");
    expect(kitItemProblem(kit, { id: "i", isKit: false, kitId: "other" })).toBe("already_in_a_kit");
    expect(kitItemProblem(kit, { id: "i", isKit: false, kitId: null })).toBeNull();
  });

  it("shows an agent the history since their body received the asset", () => {
    const events = [
      { n: 3, data: { ticketId: "t" } },
      { n: 2, data: { fromBodyId: null, toBodyId: "A" } },
      { n: 1, data: { fromBodyId: "B", toBodyId: null } },
      { n: 0, data: { fromBodyId: null, toBodyId: "B" } },
    ];
    expect(eventsSinceCustody(events, ["A"]).map((e) => e.n)).toEqual([3, 2]);
  });
});
