import { describe, expect, it } from "vitest";
import { canMove, priorityOf, ticketNumber } from "./rules.ts";

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
});
