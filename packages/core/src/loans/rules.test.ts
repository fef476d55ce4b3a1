import { describe, expect, it } from "vitest";
import {
  canDoLoan,
  checkLoanPeriod,
  declarationDelay,
  endingMilestone,
  nextParty,
  returnDifferences,
  returnFromInventory,
  wipesMissing,
  type InventoryContent,
} from "./rules.ts";

const inventory: InventoryContent = {
  items: [
    {
      assetId: "a",
      tag: "PRT-1",
      serial: "S1",
      label: "Switch",
      holdsData: true,
      condition: "good",
      accessories: "",
      remark: "",
    },
    {
      assetId: "b",
      tag: "PRT-2",
      serial: "S2",
      label: "Écran",
      holdsData: false,
      condition: "worn",
      accessories: "",
      remark: "",
    },
  ],
  accessories: [{ label: "Câble RJ45", quantity: 2, remark: "" }],
  tests: [],
};

describe("loan rules", () => {
  it("refuses an end before the start and a period outside the convention", () => {
    const inForce = { inForceOnStart: true, lastDay: "2026-12-31" };
    expect(checkLoanPeriod({ startDate: "2026-05-02", endDate: "2026-05-01" }, inForce)).toEqual({
      field: "endDate",
      message: "loan_end_before_start",
    });
    expect(checkLoanPeriod({ startDate: "2026-05-01", endDate: "2027-01-01" }, inForce)?.message).toBe(
      "loan_after_convention_end",
    );
    expect(checkLoanPeriod({ startDate: "2026-05-01", endDate: "2026-05-01" }, inForce)).toBeNull();
    expect(checkLoanPeriod({ startDate: "2026-05-01", endDate: "2026-06-01" }, null)?.field).toBe(
      "conventionId",
    );
    expect(
      checkLoanPeriod(
        { startDate: "2026-05-01", endDate: "2026-06-01" },
        { inForceOnStart: false, lastDay: null },
      )?.message,
    ).toBe("loan_convention_not_in_force");
  });

  it("counts the 24 hours from discovery to the minute", () => {
    const found = new Date("2026-03-28T10:00:00Z");
    expect(declarationDelay(found, new Date("2026-03-29T10:00:00Z"))).toEqual({ hours: 24, late: false });
    expect(declarationDelay(found, new Date("2026-03-29T10:01:00Z")).late).toBe(true);
    expect(declarationDelay(found, new Date("2026-03-29T16:00:00Z"))).toEqual({ hours: 30, late: true });
  });

  it("lists what came back differently from the signed inventory", () => {
    const r = returnFromInventory(inventory, 1);
    expect(returnDifferences(r)).toEqual([]);
    r.accessories[0]!.returned = 1;
    r.items[1]!.outcome = "damaged";
    r.items[1]!.remark = "Dalle fêlée";
    expect(returnDifferences(r)).toEqual([
      { kind: "item", tag: "PRT-2", label: "Écran", outcome: "damaged", remark: "Dalle fêlée" },
      { kind: "accessory", label: "Câble RJ45", missing: 1, extra: 0, remark: "" },
    ]);
  });

  it("asks for the data wipe of items that hold data before they go back to stock", () => {
    const r = returnFromInventory(inventory, 1);
    expect(wipesMissing(r)).toEqual(["PRT-1"]);
    r.items[0]!.wipe = { method: "Réinitialisation usine", by: "N. Belkacem", at: "2026-06-01" };
    expect(wipesMissing(r)).toEqual([]);
    r.items[0]!.wipe = null;
    r.items[0]!.outcome = "missing";
    expect(wipesMissing(r)).toEqual([]);
  });

  it("has the technician validate first, then the borrower", () => {
    expect(nextParty([])).toBe("provider");
    expect(nextParty(["provider"])).toBe("borrower");
    expect(nextParty(["provider", "borrower"])).toBeNull();
  });

  it("follows the loan's lifecycle", () => {
    expect(canDoLoan("draft", "signInventory")).toBe(true);
    expect(canDoLoan("in_service", "editInventory")).toBe(false);
    expect(canDoLoan("returned", "declareLoss")).toBe(false);
    expect(canDoLoan("return_in_progress", "signReturn")).toBe(true);
  });

  it("announces a loan's end at 30 and 7 days", () => {
    expect(endingMilestone(31)).toBeNull();
    expect(endingMilestone(30)).toBe(30);
    expect(endingMilestone(8)).toBe(30);
    expect(endingMilestone(7)).toBe(7);
    expect(endingMilestone(0)).toBe(7);
    expect(endingMilestone(-1)).toBeNull();
  });
});
