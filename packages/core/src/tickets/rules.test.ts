import { describe, expect, it } from "vitest";
import { canMove, parseTicketNumber, priorityOf, ticketNumber, ticketNumberCandidates } from "./rules.ts";

describe("ticket rules", () => {
  it("derives priority from impact and urgency", () => {
    expect(priorityOf("high", "high")).toBe("critical");
    expect(priorityOf("high", "medium")).toBe("high");
    expect(priorityOf("medium", "high")).toBe("high");
    expect(priorityOf("medium", "medium")).toBe("medium");
    expect(priorityOf("low", "high")).toBe("medium");
    expect(priorityOf("low", "medium")).toBe("low");
    expect(priorityOf("low", "low")).toBe("low");
  });

  it("lets staff work a ticket and partners only cancel or reopen", () => {
    expect(canMove("new", "waiting_partner", "technician")).toBe(true);
    expect(canMove("closed", "in_progress", "technician")).toBe(false);
    expect(canMove("resolved", "in_progress", "agent")).toBe(true);
    expect(canMove("in_progress", "resolved", "agent")).toBe(false);
    expect(canMove("new", "cancelled", "agent")).toBe(true);
  });

  it("formats readable numbers", () => {
    expect(ticketNumber(2026, 123)).toBe("SOS-2026-000123");
  });

  it("reads a ticket number as people say or type it", () => {
    for (const q of [
      "SOS-2026-000002",
      "sos-2026-000002",
      " SOS 2026 2 ",
      "2026-2",
      "2026/000002",
      "SOS2026000002",
    ])
      expect([q, parseTicketNumber(q)]).toEqual([q, { year: 2026, seq: 2 }]);
    for (const q of ["000002", "2", "SOS-2", "sos 000002"])
      expect([q, parseTicketNumber(q)]).toEqual([q, { year: null, seq: 2 }]);
    for (const q of ["", "0", "2026-0", "imprimante", "SOS-2026-0000002", "2026-2-3", "1234567"])
      expect([q, parseTicketNumber(q)]).toEqual([q, null]);
    expect(ticketNumberCandidates("2026-2", 2027)).toEqual(["SOS-2026-000002"]);
    expect(ticketNumberCandidates("000002", 2026, 3)).toEqual([
      "SOS-2026-000002",
      "SOS-2025-000002",
      "SOS-2024-000002",
    ]);
    expect(ticketNumberCandidates("imprimante", 2026)).toEqual([]);
  });
});
