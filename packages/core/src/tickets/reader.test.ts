import { describe, expect, it } from "vitest";
import { projectEventData, referencesOf, type TicketReference } from "./reader.ts";

const mine: TicketReference = {
  id: "11111111-1111-4111-8111-111111111111",
  number: "SOS-2026-000001",
  bodyId: "A",
};
const theirs: TicketReference = {
  id: "22222222-2222-4222-8222-222222222222",
  number: "SOS-2026-000002",
  bodyId: "B",
};
const refs = new Map([mine, theirs].flatMap((r) => [[r.id, r] as const, [r.number, r] as const]));
const partnerOfA = (data: unknown) => projectEventData(data, refs, false, (b) => b === "A");
const staff = (data: unknown) => projectEventData(data, refs, true, () => true);

describe("what a reader sees of a ticket's events", () => {
  it("names a ticket of the partner's own body, and only says 'another' for one of another body", () => {
    expect(partnerOfA({ linked: mine.number })).toEqual({ linked: mine.number });
    expect(partnerOfA({ linked: theirs.number })).toEqual({ linkedOther: true });
    expect(partnerOfA({ unlinked: theirs.id })).toEqual({ unlinkedOther: true });
    expect(partnerOfA({ mergedInto: theirs.number, status: ["new", "cancelled"] })).toEqual({
      mergedIntoOther: true,
      status: ["new", "cancelled"],
    });
    expect(partnerOfA({ mergedFrom: "SOS-2026-999999" })).toEqual({ mergedFromOther: true });
  });

  it("hides from partners any key not known to be safe; staff see all, references by number", () => {
    expect(partnerOfA({ status: ["new", "assigned"], secret: "x" })).toEqual({ status: ["new", "assigned"] });
    expect(staff({ unlinked: theirs.id, secret: "x" })).toEqual({ unlinked: theirs.number, secret: "x" });
    expect(partnerOfA(null)).toBeNull();
  });

  it("lists the references an event makes", () => {
    expect(referencesOf({ linked: "SOS-2026-000002", csat: 5 })).toEqual(["SOS-2026-000002"]);
    expect(referencesOf("x")).toEqual([]);
  });
});
