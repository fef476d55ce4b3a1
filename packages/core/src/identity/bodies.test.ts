import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSiret, seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Actor } from "../access/index.ts";
import { createBody, updateBody } from "./bodies.ts";
import { importBodiesCsv } from "./import-csv.ts";
import { anonymisePerson, exportPersonalData } from "./rgpd.ts";

describe("bodies registry", () => {
  let tdb: TestDatabase;
  let manager: Actor;
  let admin: Actor;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
    const m = await tdb.prisma().user.findUniqueOrThrow({ where: { email: "manager@val-orlene.example" } });
    const a = await tdb.prisma().user.findUniqueOrThrow({ where: { email: "admin@val-orlene.example" } });
    manager = { userId: m.id, name: m.name, role: "manager", bodyIds: [], activeBodyId: null };
    admin = { userId: a.id, name: a.name, role: "admin", bodyIds: [], activeBodyId: null };
  });
  afterAll(async () => tdb.drop());

  it("creates and edits a body with checked SIRET and INSEE code, recording the changes", async () => {
    const db = tdb.prisma();
    await expect(
      createBody(db, manager, {
        legalName: "Commune de Test",
        kind: "commune",
        siret: "12345678901234",
        inseeCode: "45999",
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["siret"] })] });
    await expect(
      createBody(db, manager, {
        legalName: "Commune de Test",
        kind: "commune",
        siret: demoSiret("21990199"),
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["inseeCode"] })] });
    const body = await createBody(db, manager, {
      legalName: "Commune de Test",
      kind: "commune",
      siret: demoSiret("21990199"),
      inseeCode: "45999",
      population: 500,
      populationYear: 2025,
    });
    await expect(
      createBody(db, manager, { legalName: "Doublon", kind: "association", siret: demoSiret("21990199") }),
    ).rejects.toMatchObject({ code: "CONFLICT", field: "siret" });
    await updateBody(db, manager, body.id, {
      legalName: "Commune de Test-sur-Orlène",
      kind: "commune",
      siret: body.siret!,
      inseeCode: "45999",
      population: 510,
      populationYear: 2025,
    });
    const events = await db.auditEvent.findMany({ where: { entityId: body.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["create", "update"]);
    expect(events[1]!.changes).toEqual({
      legalName: ["Commune de Test", "Commune de Test-sur-Orlène"],
      population: [500, 510],
    });
  });

  it("imports a CSV only when every row is right, reporting each faulty row", async () => {
    const db = tdb.prisma();
    const montclair = demoSiret("21990103");
    const bad = `raison_sociale;type;siret;code_insee;population;annee_population;siret_commune\nCCAS de Montclair;ccas;${demoSiret("26990299")};;;;${montclair}\nAsso;association;123;;;;\nCommune X;commune;${demoSiret("21990198")};;;;\n`;
    const report = await importBodiesCsv(db, manager, bad);
    expect(report.imported).toBe(0);
    expect(report.errors).toEqual([
      { line: 3, field: "siret", message: "siret" },
      { line: 4, field: "code_insee", message: "insee_required" },
    ]);
    const good = `raison_sociale;type;siret;code_insee;population;annee_population;siret_commune\nCCAS de Montclair;ccas;${demoSiret("26990299")};;;;${montclair}\nCommune X;commune;${demoSiret("21990198")};45998;1 200;2025;\n`;
    expect(await importBodiesCsv(db, manager, good)).toEqual({ imported: 2, errors: [] });
    expect((await db.body.findFirstOrThrow({ where: { legalName: "Commune X" } })).population).toBe(1200);
    expect((await importBodiesCsv(db, manager, good)).errors.map((e) => e.message)).toEqual([
      "already_registered",
      "already_registered",
    ]);
  });

  it("exports then anonymises a person, keeping the row and scrubbing the trail", async () => {
    const db = tdb.prisma();
    const marc = await db.user.findUniqueOrThrow({ where: { email: "agent@bellerive.example" } });
    const data = await exportPersonalData(db, admin, marc.id);
    expect(data.profile).toMatchObject({ email: "agent@bellerive.example", name: "Marc Delorme" });
    await anonymisePerson(db, admin, marc.id);
    const after = await db.user.findUniqueOrThrow({ where: { id: marc.id } });
    expect(after).toMatchObject({ active: false, passwordHash: null });
    expect(after.name).toMatch(/^Personne anonymisée/);
    const trail = await db.auditEvent.findMany({
      where: { OR: [{ actorId: marc.id }, { entityId: marc.id }] },
      select: { actorLabel: true, changes: true },
    });
    expect(trail.length).toBeGreaterThan(0);
    expect(JSON.stringify(trail)).not.toContain("Marc Delorme");
  });
});
