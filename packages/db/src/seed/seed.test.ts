import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/index.ts";
import { demoSiret, isDemoSeeded, luhnValid, seedDemo } from "./index.ts";

describe("demo seed", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => tdb.drop());

  it("generates SIRETs valid under Luhn, SIREN included", () => {
    const siret = demoSiret("21990101");
    expect(siret).toMatch(/^\d{14}$/);
    expect(luhnValid(siret)).toBe(true);
    expect(luhnValid(siret.slice(0, 9))).toBe(true);
    expect(luhnValid("12345678901234")).toBe(false);
    expect(luhnValid("73282932000074")).toBe(true); // a well-known valid SIRET format example
  });

  it("seeds once, even when two seeders race", async () => {
    const db = tdb.prisma();
    expect(await isDemoSeeded(db)).toBe(false);
    const results = await Promise.all([seedDemo(db), seedDemo(db)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await seedDemo(db)).toBe(false);

    const partners = await db.body.count({ where: { kind: { not: "provider" } } });
    expect(partners).toBeGreaterThanOrEqual(12);
    expect(await db.body.count({ where: { kind: "provider" } })).toBe(1);
    expect(await db.body.count({ where: { kind: "cias" } })).toBe(1);
    expect(await db.body.count({ where: { kind: "association" } })).toBeGreaterThanOrEqual(1);
    const roles = await db.user.groupBy({ by: ["role"], _count: true });
    expect(roles.map((r) => r.role).sort()).toEqual(["admin", "agent", "manager", "technician"]);
    const ccas = await db.body.findMany({ where: { kind: "ccas" }, select: { communeId: true } });
    expect(ccas.every((c) => c.communeId)).toBe(true);
    expect(await isDemoSeeded(db)).toBe(true);
    // Conventions: one amended (intervention target changed), one in clock hours, a calendar per need.
    expect(await db.convention.count()).toBe(5);
    const amended = await db.conventionVersion.findFirstOrThrow({
      where: { number: 2 },
      include: { termSets: { include: { targets: { where: { priority: "high" } } } } },
    });
    expect(amended.termSets[0]!.targets[0]!.interventionMinutes).toBe(480);
    expect(
      await db.termTarget.count({
        where: { interventionBasis: "clock", interventionMinutes: 720, priority: "high" },
      }),
    ).toBe(1);
    expect(await db.termSet.count({ where: { versionId: null } })).toBe(await db.service.count());
    expect(await db.businessCalendar.count()).toBeGreaterThanOrEqual(2);
  });
});
