import { describe, expect, it } from "vitest";
import { groupedNavigationFor, navigationFor, plannedNavigationFor } from "./navigation.ts";

describe("navigation", () => {
  it("renders only sections that exist", () => {
    expect(navigationFor(null).map((i) => i.href)).toEqual(["/", "/catalogue", "/etat", "/connexion"]);
    expect(navigationFor("agent").map((i) => i.href)).toEqual([
      "/",
      "/organismes",
      "/catalogue",
      "/conventions",
      "/demandes",
      "/equipements",
      "/reprises",
      "/rapports",
      "/prets",
      "/formations",
      "/compte",
      "/etat",
    ]);
    expect(navigationFor("technician").map((i) => i.href)).toContain("/tickets");
    expect(navigationFor("technician").map((i) => i.href)).not.toContain("/demandes");
    expect(navigationFor("manager").map((i) => i.href)).toContain("/calendriers");
    expect(navigationFor("technician").map((i) => i.href)).not.toContain("/calendriers");
    expect(navigationFor("admin").map((i) => i.href)).toContain("/admin/personnes");
    expect(navigationFor("manager").map((i) => i.href)).not.toContain("/admin/personnes");
  });

  it("gives each role the sections of the roles below it", () => {
    const keys = (r: Parameters<typeof plannedNavigationFor>[0]) => plannedNavigationFor(r).map((i) => i.key);
    expect(keys("agent")).toContain("myTickets");
    expect(keys("agent")).not.toContain("queue");
    expect(keys("technician")).toContain("queue");
    expect(keys("technician")).not.toContain("myTickets");
    expect(keys("technician")).not.toContain("billing");
    expect(keys("manager")).toEqual(expect.arrayContaining(["reports", "conventions", "billing"]));
    expect(keys("manager")).not.toContain("people");
    expect(keys("admin")).toEqual(expect.arrayContaining(["people", "journal"]));
    expect(navigationFor("admin").map((i) => i.key)).toContain("people");
  });

  it("groups the staff's sections (Support, Référentiel, Administration) and keeps every item once", () => {
    const shape = (r: Parameters<typeof groupedNavigationFor>[0]) =>
      groupedNavigationFor(r).map((g) => [g.key, g.items.map((i) => i.key)]);
    expect(shape("admin")).toEqual([
      [null, ["home"]],
      ["support", ["loans", "trainings", "queue", "incoming", "assets", "migrations"]],
      ["reference", ["bodies", "catalogue", "conventions", "calendars"]],
      ["admin", ["reports", "billing", "people", "mailbox", "journal", "retention"]],
      [null, ["account", "status"]],
    ]);
    expect(shape("technician").map(([k]) => k)).toEqual([null, "support", "reference", null]);
    expect(shape("agent")).toEqual([[null, navigationFor("agent").map((i) => i.key)]]);
    for (const role of ["agent", "technician", "manager", "admin"] as const)
      expect(
        groupedNavigationFor(role)
          .flatMap((g) => g.items.map((i) => i.href))
          .sort(),
      ).toEqual(
        navigationFor(role)
          .map((i) => i.href)
          .sort(),
      );
  });
});
