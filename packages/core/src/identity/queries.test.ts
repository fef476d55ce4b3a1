import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { DomainError } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { countPartnerBodiesByKind, listBodies } from "./queries.ts";

const staff: Actor = {
  userId: "00000000-0000-4000-8000-000000000001",
  name: "Tech",
  role: "technician",
  bodyIds: [],
  activeBodyId: null,
};

describe("body queries", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
  });
  afterAll(async () => tdb.drop());

  it("pages through every body in name order without gaps or repeats", async () => {
    const db = tdb.prisma();
    const all = await db.body.findMany({
      orderBy: [{ legalName: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listBodies(db, staff, { limit: 5, cursor });
      seen.push(...page.items.map((b) => b.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.map((b) => b.id));
  });

  it("filters by kind and by a case-insensitive search", async () => {
    const db = tdb.prisma();
    const ccas = await listBodies(db, staff, { kind: "ccas" });
    expect(ccas.items.length).toBe(3);
    expect(ccas.items.every((b) => b.kind === "ccas" && b.commune)).toBe(true);
    expect((await listBodies(db, staff, { q: "montCLAIR" })).items.map((b) => b.legalName)).toEqual([
      "Commune de Montclair",
    ]);
    await expect(listBodies(db, staff, { cursor: "not-a-cursor" })).rejects.toBeInstanceOf(DomainError);
  });

  it("counts active partner bodies by kind, provider excluded", async () => {
    const counts = await countPartnerBodiesByKind(tdb.prisma(), staff);
    expect(counts.find((c) => c.kind === "commune")?.count).toBe(7);
    expect(counts.some((c) => c.kind === "provider")).toBe(false);
  });

  it("shows an agent only their own bodies", async () => {
    const db = tdb.prisma();
    const mine = await db.body.findMany({
      where: { legalName: { in: ["Commune de Montclair", "CIAS du Val d'Orlène"] } },
      select: { id: true },
    });
    const agent: Actor = { ...staff, role: "agent", bodyIds: mine.map((b) => b.id) };
    expect((await listBodies(db, agent, {})).items.map((b) => b.legalName).sort()).toEqual([
      "CIAS du Val d'Orlène",
      "Commune de Montclair",
    ]);
    expect((await countPartnerBodiesByKind(db, agent)).reduce((s, c) => s + c.count, 0)).toBe(2);
    expect((await listBodies(db, { ...agent, activeBodyId: mine[0]!.id }, {})).items).toHaveLength(1);
  });
});
