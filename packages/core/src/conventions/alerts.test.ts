import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { render } from "../notifications/index.ts";
import { sendEndingAlerts } from "./alerts.ts";

describe("convention alerts", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma(), new Date("2026-11-23T10:00:00Z"));
  });
  afterAll(async () => tdb.drop());

  it("warns managers and the signatory's agents 90 then 30 days ahead, once per milestone", async () => {
    const db = tdb.prisma();
    // The demo Bellerive convention ends on 31 March 2027 (explicit renewal).
    const bellerive = await db.convention.findFirstOrThrow({
      where: { signatory: { legalName: "Commune de Bellerive-sur-Orlène" } },
    });
    expect(bellerive.endDate!.toISOString().slice(0, 10)).toBe("2027-03-31");
    const alerts = () =>
      db.outboxMessage.findMany({
        where: { template: "convention.ending", data: { path: ["number"], equals: bellerive.number } },
        orderBy: { toEmail: "asc" },
      });
    await sendEndingAlerts(db, new Date("2026-12-15T08:00:00Z")); // 106 days before: nothing
    expect(await alerts()).toHaveLength(0);
    await sendEndingAlerts(db, new Date("2027-01-05T08:00:00Z")); // 85 days
    await sendEndingAlerts(db, new Date("2027-01-06T08:00:00Z"));
    expect((await alerts()).map((m) => m.toEmail)).toEqual([
      "agent@bellerive.example",
      "manager@val-orlene.example",
    ]);
    await sendEndingAlerts(db, new Date("2027-03-10T08:00:00Z")); // 21 days
    expect(await alerts()).toHaveLength(4);
    const text = render((await alerts())[0]!, "https://mutuo.test");
    expect(text.subject).toContain("Fin de convention dans");
    expect(text.text).toContain("prend fin le mercredi 31 mars 2027");
    expect(text.text).toContain(`https://mutuo.test/conventions/${bellerive.id}`);
  });
});
