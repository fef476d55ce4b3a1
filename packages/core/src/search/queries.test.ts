import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Actor } from "../access/index.ts";
import { seedDemoHistory } from "../demo/index.ts";
import { findTicketByNumber, searchTickets } from "../tickets/index.ts";
import { globalSearch } from "./queries.ts";

const NOW = new Date("2026-12-02T09:30:00.000Z");

describe("search", () => {
  let tdb: TestDatabase;
  let dir: string;
  const actors: Record<string, Actor> = {};
  const actor = async (email: string): Promise<Actor> => {
    const u = await tdb.prisma().user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    return {
      userId: u.id,
      name: u.name,
      role: u.role,
      bodyIds: u.memberships.map((m) => m.bodyId),
      activeBodyId: null,
    };
  };
  const ticketOf = (bodyName: string, year: number) =>
    tdb.prisma().ticket.findFirstOrThrow({
      where: { body: { legalName: bodyName }, number: { startsWith: `SOS-${year}-` } },
      orderBy: { number: "asc" },
      select: { id: true, number: true, bodyId: true },
    });

  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma(), NOW);
    dir = await mkdtemp(path.join(os.tmpdir(), "mutuo-search-"));
    const { localFileStore } = await import("../files/index.ts");
    await seedDemoHistory(tdb.prisma(), localFileStore(dir), { baseUrl: "http://mutuo.test", now: NOW });
    actors.tech = await actor("tech@val-orlene.example");
    actors.bellerive = await actor("agent@bellerive.example");
    actors.saintAubin = await actor("agent@saint-aubin.example");
  }, 120_000);
  afterAll(async () => {
    await tdb.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("finds a ticket by the number in every form a caller reads it out", async () => {
    const db = tdb.prisma();
    const t = await db.ticket.findUniqueOrThrow({ where: { number: "SOS-2026-000002" } });
    for (const q of ["SOS-2026-000002", "sos-2026-000002", "2026-2", "SOS 2026 2", "000002", "2"])
      expect([q, await findTicketByNumber(db, actors.tech!, { q }, NOW)]).toEqual([
        q,
        { id: t.id, number: t.number },
      ]);
    // A year given explicitly wins over this year's.
    const older = await db.ticket.findUniqueOrThrow({ where: { number: "SOS-2025-000002" } });
    expect(await findTicketByNumber(db, actors.tech!, { q: "2025-2" }, NOW)).toEqual({
      id: older.id,
      number: older.number,
    });
    expect(await findTicketByNumber(db, actors.tech!, { q: "imprimante" }, NOW)).toBeNull();
    expect(await findTicketByNumber(db, actors.tech!, { q: "2026-999999" }, NOW)).toBeNull();
    // The queue's search puts the exact number first.
    const found = await searchTickets(db, actors.tech!, { q: "SOS-2026-000002" }, NOW);
    expect(found[0]!.number).toBe("SOS-2026-000002");
  });

  it("lets a partner find their own ticket by number, never another body's", async () => {
    const db = tdb.prisma();
    const own = await ticketOf("Commune de Bellerive-sur-Orlène", 2026);
    const other = await ticketOf("Commune de Saint-Aubin-des-Vignes", 2026);
    const seq = String(Number(own.number.slice(-6)));
    expect(await findTicketByNumber(db, actors.bellerive!, { q: own.number }, NOW)).toEqual({
      id: own.id,
      number: own.number,
    });
    expect(await findTicketByNumber(db, actors.bellerive!, { q: `2026-${seq}` }, NOW)).toEqual({
      id: own.id,
      number: own.number,
    });
    const mine = await searchTickets(db, actors.bellerive!, { q: own.number }, NOW);
    expect(mine[0]!.id).toBe(own.id);
    expect(await findTicketByNumber(db, actors.bellerive!, { q: other.number }, NOW)).toBeNull();
    const foreign = await searchTickets(db, actors.bellerive!, { q: other.number }, NOW);
    expect(foreign.every((t) => t.body.id === own.bodyId)).toBe(true);
    expect(foreign.some((t) => t.id === other.id)).toBe(false);
    // A bare number that is another body's ticket this year finds nothing of theirs either.
    const bare = await findTicketByNumber(db, actors.bellerive!, { q: other.number.slice(-6) }, NOW);
    expect(bare?.id).not.toBe(other.id);
  });

  it("finds a body's tickets by its name, for staff and for the body's own agent", async () => {
    const db = tdb.prisma();
    const bellerive = await db.body.findFirstOrThrow({
      where: { legalName: "Commune de Bellerive-sur-Orlène" },
    });
    const staff = await searchTickets(db, actors.tech!, { q: "Bellerive" }, NOW);
    expect(staff.length).toBeGreaterThan(10);
    expect(staff.some((t) => t.body.id === bellerive.id)).toBe(true);
    // Hyphenated names too, and without accents.
    const hyphen = await searchTickets(db, actors.tech!, { q: "Saint-Aubin" }, NOW);
    expect(hyphen.length).toBeGreaterThan(10);
    expect(hyphen.every((t) => t.body.legalName.includes("Saint-Aubin"))).toBe(true);
    expect((await searchTickets(db, actors.tech!, { q: "villeneuve-d'orlene" }, NOW)).length).toBeGreaterThan(
      5,
    );
    const other = await searchTickets(db, actors.saintAubin!, { q: "Bellerive" }, NOW);
    expect(other.every((t) => actors.saintAubin!.bodyIds.includes(t.body.id))).toBe(true);
  });

  it("searches tickets, bodies, people and conventions at once for staff, grouped and paged", async () => {
    const db = tdb.prisma();
    const r = await globalSearch(db, actors.tech!, { q: "Bellerive" }, NOW);
    expect(r.exact).toBeNull();
    expect(r.bodies!.items.map((b) => b.legalName)).toEqual(
      expect.arrayContaining(["Commune de Bellerive-sur-Orlène", "CCAS de Bellerive-sur-Orlène"]),
    );
    expect(r.tickets!.items).toHaveLength(5);
    expect(r.tickets!.nextCursor).not.toBeNull();
    expect(r.conventions!.items[0]!.signatoryName).toBe("Commune de Bellerive-sur-Orlène");
    // People by name without accents, conventions by number.
    expect((await globalSearch(db, actors.tech!, { q: "elodie" }, NOW)).people!.items[0]!.name).toBe(
      "Élodie Fabre",
    );
    const conv = await db.convention.findFirstOrThrow({ orderBy: { number: "asc" } });
    expect((await globalSearch(db, actors.tech!, { q: conv.number }, NOW)).conventions!.items[0]!.id).toBe(
      conv.id,
    );
    // An exact ticket number is recognised (the page goes straight to it).
    const exact = await globalSearch(db, actors.tech!, { q: "2026-2" }, NOW);
    expect(exact.exact?.number).toBe("SOS-2026-000002");

    // Page through one kind with its cursor: no repeats, newest first.
    const first = await globalSearch(db, actors.tech!, { q: "Bellerive", kind: "tickets", limit: 10 }, NOW);
    expect(first.bodies).toBeNull();
    const second = await globalSearch(
      db,
      actors.tech!,
      { q: "Bellerive", kind: "tickets", limit: 10, cursor: first.tickets!.nextCursor! },
      NOW,
    );
    const ids = [...first.tickets!.items, ...second.tickets!.items].map((t) => t.id);
    expect(new Set(ids).size).toBe(20);
    expect(second.tickets!.items[0]!.receivedAt.getTime()).toBeLessThanOrEqual(
      first.tickets!.items.at(-1)!.receivedAt.getTime(),
    );
    // A forged cursor is a validation error, not a crash; wildcards are literal.
    await expect(
      globalSearch(db, actors.tech!, { q: "Bellerive", kind: "people", cursor: "WyJ4IiwieSJd" }, NOW),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const wild = await globalSearch(db, actors.tech!, { q: "%%" }, NOW);
    expect(wild.bodies!.items).toEqual([]);
  });

  it("is for provider staff only", async () => {
    await expect(
      globalSearch(tdb.prisma(), actors.bellerive!, { q: "Bellerive" }, NOW),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("finds equipment by tag or serial number, over the demo registry", async () => {
    const db = tdb.prisma();
    const r = await globalSearch(db, actors.tech!, { q: "DSI-PC-001" }, NOW);
    expect(r.exact).toBeNull();
    expect(r.assets!.items.map((a) => a.tag)).toEqual(["DSI-PC-001"]);
    const laptop = await db.asset.findUniqueOrThrow({ where: { tag: "DSI-PC-001" } });
    expect(
      (await globalSearch(db, actors.tech!, { q: laptop.serialNumber! }, NOW)).assets!.items,
    ).toHaveLength(1);
    // The demo registry: every kind and status, kits of 5 laptops and a router, tickets naming assets.
    expect(await db.asset.count()).toBeGreaterThanOrEqual(60);
    const statuses = await db.asset.groupBy({ by: ["status"], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(
      ["in_repair", "in_stock", "lent", "lost", "reserved", "retired", "stolen"].sort(),
    );
    const kit = await db.asset.findUniqueOrThrow({
      where: { tag: "DSI-KIT-001" },
      include: { items: { include: { kind: true } }, accessories: true },
    });
    expect(kit.items.filter((i) => i.kind.code === "laptop")).toHaveLength(5);
    expect(kit.items.filter((i) => i.kind.code === "router_4g")).toHaveLength(1);
    expect(kit.accessories.length).toBeGreaterThan(0);
    expect(await db.ticket.count({ where: { assetId: { not: null } } })).toBeGreaterThan(3);
    expect(laptop.bodyId).toBe(actors.saintAubin!.bodyIds[0]);
  });
});
