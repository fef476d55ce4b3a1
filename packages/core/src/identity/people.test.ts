import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Actor } from "../access/index.ts";
import { actorByEmail } from "./lookup.ts";
import { getPerson, updatePerson } from "./people.ts";
import { createSession, resolveSession } from "./sessions.ts";

describe("editing a person", () => {
  let tdb: TestDatabase;
  let admin: Actor;
  const deps = () => ({ db: tdb.prisma() });
  const body = (legalName: string) =>
    tdb.prisma().body.findFirstOrThrow({ where: { legalName }, select: { id: true } });
  const user = (email: string) => tdb.prisma().user.findUniqueOrThrow({ where: { email } });

  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
    admin = (await actorByEmail(tdb.prisma(), "admin@val-orlene.example"))!;
  });
  afterAll(async () => tdb.drop());

  it("renames an agent and changes their bodies, keeps their session, and audits what changed", async () => {
    const marc = await user("agent@bellerive.example");
    const [bellerive, ccas] = [
      await body("Commune de Bellerive-sur-Orlène"),
      await body("CCAS de Bellerive-sur-Orlène"),
    ];
    const { token } = await createSession(tdb.prisma(), marc.id, { mfaVerified: false });
    const after = await updatePerson(deps(), admin, {
      userId: marc.id,
      name: "Marc Delorme-Viala",
      phone: "02 38 00 00 01",
      role: "agent",
      bodyIds: [bellerive.id, ccas.id, ccas.id],
      active: true,
    });
    expect(after).toMatchObject({ name: "Marc Delorme-Viala", role: "agent", active: true });
    expect(after.bodies.map((b) => b.id).sort()).toEqual([bellerive.id, ccas.id].sort());
    expect((await resolveSession(tdb.prisma(), token))?.actor.bodyIds.sort()).toEqual(
      [bellerive.id, ccas.id].sort(),
    );
    const audit = await tdb.prisma().auditEvent.findFirstOrThrow({
      where: { entityId: marc.id, action: "update" },
      orderBy: { at: "desc" },
    });
    expect(audit.changes).toMatchObject({
      name: ["Marc Delorme", "Marc Delorme-Viala"],
      phone: [null, "02 38 00 00 01"],
    });
    expect(audit.changes).not.toHaveProperty("role");
  });

  it("makes a technician of an agent (provider body, sessions closed) and deactivates", async () => {
    const thomas = await user("agent@ccas-villeneuve.example");
    const { token } = await createSession(tdb.prisma(), thomas.id, { mfaVerified: false });
    const tech = await updatePerson(deps(), admin, {
      userId: thomas.id,
      name: thomas.name,
      role: "technician",
      bodyIds: [],
      active: true,
    });
    expect(tech.bodies.map((b) => b.legalName)).toEqual([
      expect.stringMatching(/^Métropole du Val d'Orlène/),
    ]);
    expect(await resolveSession(tdb.prisma(), token)).toBeNull();
    const off = await updatePerson(deps(), admin, {
      userId: thomas.id,
      name: thomas.name,
      role: "technician",
      bodyIds: [],
      active: false,
    });
    expect(off.active).toBe(false);
    expect((await getPerson(tdb.prisma(), admin, thomas.id)).active).toBe(false);
  });

  it("refuses what would break the rules, naming the field", async () => {
    const sophie = await user("agent@saint-aubin.example");
    const provider = await tdb.prisma().body.findFirstOrThrow({ where: { kind: "provider" } });
    await expect(
      updatePerson(deps(), admin, {
        userId: sophie.id,
        name: sophie.name,
        role: "agent",
        bodyIds: [],
        active: true,
      }),
    ).rejects.toMatchObject({ field: "bodyIds" });
    await expect(
      updatePerson(deps(), admin, {
        userId: sophie.id,
        name: sophie.name,
        role: "agent",
        bodyIds: [provider.id],
        active: true,
      }),
    ).rejects.toMatchObject({ field: "bodyIds" });
    await expect(
      updatePerson(deps(), admin, {
        userId: sophie.id,
        name: "X",
        role: "agent",
        bodyIds: [provider.id],
        active: true,
      }),
    ).rejects.toMatchObject({ name: "ZodError" });
    await expect(
      updatePerson(deps(), admin, {
        userId: admin.userId,
        name: admin.name,
        role: "manager",
        bodyIds: [],
        active: true,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const agent = (await actorByEmail(tdb.prisma(), "agent@saint-aubin.example"))!;
    await expect(
      updatePerson(deps(), agent, {
        userId: sophie.id,
        name: "Sophie",
        role: "admin",
        bodyIds: [],
        active: true,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await user("agent@saint-aubin.example")).role).toBe("agent");
  });
});
