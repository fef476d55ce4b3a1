import { describe, expect, it } from "vitest";
import { jobRegistry } from "../jobs.ts";

describe("job registry", () => {
  it("has unique, domain-prefixed queue names and valid schedules", () => {
    const names = jobRegistry.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    for (const job of jobRegistry) {
      expect(job.name).toMatch(/^[a-z]+\.[a-z-]+$/);
      if (job.schedule) expect(job.schedule.cron.split(" ")).toHaveLength(5);
    }
    expect(names).toContain("system.prune-heartbeats");
  });
});
