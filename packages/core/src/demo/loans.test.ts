import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { getLoan } from "../loans/index.ts";
import { seedDemoLoans } from "./loans.ts";

const NOW = new Date("2026-12-02T09:00:00Z");

describe("demo loans", { timeout: 180_000 }, () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma(), NOW);
  });
  afterAll(async () => tdb.drop());

  it("shows loans in every state, the CEPM's switch signed, a cable missing, a theft pending, a kit reserved", async () => {
    const db = tdb.prisma();
    const t0 = Date.now();
    expect(await seedDemoLoans(db, NOW)).toBe(true);
    // About 5 s on a quiet machine; the bound leaves room for a loaded one.
    expect(Date.now() - t0).toBeLessThan(90_000);
    expect(await seedDemoLoans(db, NOW)).toBe(false);
    const statuses = new Set((await db.loan.findMany({ select: { status: true } })).map((l) => l.status));
    expect([...statuses].sort()).toEqual(
      [
        "cancelled",
        "draft",
        "in_service",
        "inventory_signed",
        "lost",
        "return_in_progress",
        "returned",
        "stolen",
      ].sort(),
    );
    const tech = await db.user.findUniqueOrThrow({ where: { email: "tech@val-orlene.example" } });
    const actor = { userId: tech.id, name: tech.name, role: tech.role, bodyIds: [], activeBodyId: null };
    const cepm = await db.loan.findFirstOrThrow({ where: { body: { legalName: { contains: "CEPM" } } } });
    const cepmView = await getLoan(db, actor, cepm.id, NOW);
    expect(cepmView.status).toBe("in_service");
    expect(cepmView.documents[0]).toMatchObject({ kind: "inventory" });
    expect(cepmView.documents.at(-1)!.frozenAt).not.toBeNull();
    expect(cepmView.documents.at(-1)!.inventory!.tests.every((x) => x.result === "ok")).toBe(true);
    const returned = await db.loan.findFirstOrThrow({ where: { status: "returned" } });
    const ret = (await getLoan(db, actor, returned.id, NOW)).documents.find(
      (d) => d.kind === "return_report",
    )!;
    expect(ret.differences).toEqual([
      expect.objectContaining({ kind: "accessory", label: "Câble RJ45", missing: 1 }),
    ]);
    expect(await db.lossDeclaration.findFirstOrThrow({ where: { kind: "theft" } })).toMatchObject({
      claimStatus: "declared",
    });
    const kit = await db.assetReservation.findFirstOrThrow({ include: { asset: true } });
    expect(kit.asset.tag).toBe("PRT-KIT-0001");
    expect(kit.startDate.getTime()).toBeGreaterThan(NOW.getTime() + 20 * 86_400_000);
  });
});
