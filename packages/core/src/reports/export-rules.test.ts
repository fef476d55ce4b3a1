import { describe, expect, it } from "vitest";
import {
  BACKGROUND_TICKETS,
  exportExpiry,
  exportMode,
  exportProgress,
  exportsTickets,
} from "./export-rules.ts";

describe("export mode", () => {
  it("downloads directly up to the threshold, in the background above it", () => {
    expect(exportMode(0)).toBe("direct");
    expect(exportMode(BACKGROUND_TICKETS)).toBe("direct");
    expect(exportMode(BACKGROUND_TICKETS + 1)).toBe("background");
    expect(exportMode(1_000_000)).toBe("background");
  });

  it("carries the breached tickets in the SLA report's spreadsheets only", () => {
    expect(exportsTickets("sla", "csv")).toBe(true);
    expect(exportsTickets("sla", "xlsx")).toBe(true);
    expect(exportsTickets("sla", "pdf")).toBe(false);
    expect(exportsTickets("training", "csv")).toBe(false);
  });
});

describe("export progress", () => {
  it("goes from 0 to 100 through the stages, rows from 10 to 90", () => {
    expect(exportProgress({ stage: "queued" })).toBe(0);
    expect(exportProgress({ stage: "read" })).toBe(10);
    expect(exportProgress({ stage: "rows", done: 0, total: 1_000_000 })).toBe(10);
    expect(exportProgress({ stage: "rows", done: 500_000, total: 1_000_000 })).toBe(50);
    expect(exportProgress({ stage: "rows", done: 999_999, total: 1_000_000 })).toBe(89);
    expect(exportProgress({ stage: "rows", done: 1_000_000, total: 1_000_000 })).toBe(90);
    expect(exportProgress({ stage: "written" })).toBe(95);
    expect(exportProgress({ stage: "done" })).toBe(100);
  });

  it("never leaves 10–90 for rows, whatever the counts (tickets added since the count, none at all)", () => {
    expect(exportProgress({ stage: "rows", done: 12, total: 10 })).toBe(90);
    expect(exportProgress({ stage: "rows", done: 0, total: 0 })).toBe(90);
    expect(exportProgress({ stage: "rows", done: -1, total: 10 })).toBe(10);
  });

  it("keeps a file seven days", () => {
    expect(exportExpiry(new Date("2026-12-02T10:00:00Z")).toISOString()).toBe("2026-12-09T10:00:00.000Z");
  });
});
