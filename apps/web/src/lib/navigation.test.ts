import { describe, expect, it } from "vitest";
import { navigationFor, plannedNavigationFor } from "./navigation.ts";

describe("navigation", () => {
  it("renders only sections that exist", () => {
    expect(navigationFor(null).map((i) => i.href)).toEqual(["/", "/organismes", "/catalogue", "/etat"]);
    expect(navigationFor("admin").every((i) => i.available)).toBe(true);
  });

  it("gives each role the sections of the roles below it", () => {
    const keys = (r: Parameters<typeof plannedNavigationFor>[0]) => plannedNavigationFor(r).map((i) => i.key);
    expect(keys("agent")).toContain("myTickets");
    expect(keys("agent")).not.toContain("queue");
    expect(keys("technician")).toContain("queue");
    expect(keys("technician")).not.toContain("billing");
    expect(keys("manager")).toEqual(expect.arrayContaining(["reports", "conventions", "billing"]));
    expect(keys("manager")).not.toContain("admin");
    expect(keys("admin")).toContain("admin");
  });
});
