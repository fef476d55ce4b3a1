import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Actor } from "../../access/index.ts";
import { listTickets, queueChanges } from "../queries.ts";
import { listQueueViews } from "./queries.ts";
import { filterParams, parseColumns, queueFilters, toListInput, DEFAULT_COLUMNS } from "./schema.ts";
import { createQueueView, deleteQueueView, renameQueueView } from "./service.ts";

describe("queue views", () => {
  let tdb: TestDatabase;
  const actors: Record<string, Actor> = {};
  let bellerive: string;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    const db = tdb.prisma();
    await seedDemo(db);
    for (const [k, email] of Object.entries({
      manager: "manager@val-orlene.example",
      tech: "tech@val-orlene.example",
      tech2: "tech2@val-orlene.example",
      agent: "agent@bellerive.example",
      saintAubin: "agent@saint-aubin.example",
    })) {
      const u = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
      actors[k] = {
        userId: u.id,
        name: u.name,
        role: u.role,
        bodyIds: u.memberships.map((m) => m.bodyId),
        activeBodyId: null,
      };
    }
    bellerive = (await db.body.findFirstOrThrow({ where: { legalName: "Commune de Bellerive-sur-Orlène" } }))
      .id;
    const service = await db.service.findUniqueOrThrow({ where: { code: "SIGMA" } });
    // A few tickets of each status and priority, for counts that mean something.
    const statuses = ["new", "assigned", "in_progress", "resolved", "closed"] as const;
    const priorities = ["critical", "high", "medium", "low"] as const;
    for (let i = 0; i < 20; i++)
      await db.ticket.create({
        data: {
          number: `SOS-2026-${String(900 + i).padStart(6, "0")}`,
          bodyId: bellerive,
          serviceId: service.id,
          subject: `Panne ${i}`,
          description: "Panne de test",
          category: "fault",
          impact: "low",
          urgency: "low",
          priority: priorities[i % 4]!,
          channel: "portal",
          status: statuses[i % 5]!,
          assigneeId: i % 3 === 0 ? actors.tech!.userId : null,
          declarantName: "Déclarant",
          receivedAt: new Date(Date.UTC(2026, 10, 1, i)),
        },
      });
  });
  afterAll(async () => tdb.drop());

  it("reads filters from an address, leniently, and writes them back without defaults", () => {
    const f = queueFilters.parse({ priority: "high", status: "bogus", body: "not-a-uuid", sort: "deadline" });
    expect(f).toMatchObject({ priority: "high", status: "open", body: undefined, sort: "deadline" });
    expect(filterParams(f)).toEqual({ priority: "high", sort: "deadline" });
    expect(toListInput(queueFilters.parse({ status: "any" }))).not.toHaveProperty("open");
    expect(parseColumns("sla,body,nope")).toEqual(["body", "sla"]);
    expect(parseColumns("")).toEqual(DEFAULT_COLUMNS);
  });

  it("saves personal and shared views, counts what each selects in one go, renames and deletes", async () => {
    const db = tdb.prisma();
    const high = await createQueueView(db, actors.tech!, {
      name: "Urgences Bellerive",
      filters: { priority: "critical", body: bellerive, status: "any" },
      columns: ["status", "sla"],
    });
    const shared = await createQueueView(db, actors.manager!, {
      name: "Non attribués",
      shared: true,
      filters: { view: "unassigned", sort: "deadline" },
    });
    await expect(
      createQueueView(db, actors.tech!, { name: "Pour tous", shared: true, filters: {} }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createQueueView(db, actors.agent!, { name: "Moi", filters: {} })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      createQueueView(db, actors.tech!, { name: "urgences bellerive", filters: {} }),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "name" });
    // The same name is free for another person.
    await createQueueView(db, actors.tech2!, { name: "Urgences Bellerive", filters: {} });

    const views = await listQueueViews(db, actors.tech!);
    expect(views.map((v) => [v.name, v.shared, v.editable])).toEqual([
      ["Non attribués", true, false],
      ["Urgences Bellerive", false, true],
    ]);
    for (const v of views) {
      const page = await listTickets(db, actors.tech!, { ...toListInput(v.filters), limit: 100 });
      expect([v.name, v.count]).toEqual([v.name, page.items.length]);
    }
    expect(views.find((v) => v.id === high.id)).toMatchObject({ columns: ["status", "sla"], count: 5 });
    expect((await listQueueViews(db, actors.manager!)).map((v) => v.name)).toEqual(["Non attribués"]);
    await expect(listQueueViews(db, actors.agent!)).rejects.toMatchObject({ code: "FORBIDDEN" });

    await expect(renameQueueView(db, actors.tech!, { id: shared.id, name: "X" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(renameQueueView(db, actors.tech2!, { id: high.id, name: "X" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await renameQueueView(db, actors.tech!, { id: high.id, name: "Critiques" });
    await deleteQueueView(db, actors.manager!, { id: shared.id });
    expect((await listQueueViews(db, actors.tech!)).map((v) => v.name)).toEqual(["Critiques"]);
  });

  it("tells what is new or changed since the page was loaded, under its filters and scope", async () => {
    const db = tdb.prisma();
    const { mark } = await queueChanges(db, actors.tech!, { open: true });
    const marks = {
      agent: (await queueChanges(db, actors.agent!, {})).mark,
      saintAubin: (await queueChanges(db, actors.saintAubin!, {})).mark,
    };
    expect(await queueChanges(db, actors.tech!, { open: true, since: mark })).toMatchObject({
      created: 0,
      changed: 0,
    });
    const first = await db.ticket.findFirstOrThrow({ where: { status: "new" } });
    await new Promise((r) => setTimeout(r, 5));
    await db.ticket.update({ where: { id: first.id }, data: { status: "in_progress" } });
    const copy = {
      ...first,
      id: undefined,
      number: "SOS-2026-000999",
      createdAt: new Date(),
      updatedAt: undefined,
    };
    await db.ticket.create({ data: { ...copy, slaCalendar: undefined } });
    expect(await queueChanges(db, actors.tech!, { open: true, since: mark })).toMatchObject({
      created: 1,
      changed: 1,
    });
    // Closed tickets are not in an "open" queue; another body's agent hears of nothing.
    expect(await queueChanges(db, actors.tech!, { status: ["closed"], since: mark })).toMatchObject({
      created: 0,
      changed: 0,
    });
    expect(await queueChanges(db, actors.agent!, { since: marks.agent })).toMatchObject({ created: 1 });
    expect(await queueChanges(db, actors.saintAubin!, { since: marks.saintAubin })).toMatchObject({
      created: 0,
      changed: 0,
    });
  });
});
