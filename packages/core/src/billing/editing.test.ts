// Managers keep the pricing up to date: budget codes (a new row from a year), the next version of a
// grid (the previous one ends the day before; issued statements stay frozen), a cost-sharing plan
// edited until a statement bills it; technicians log time on a data-migration job, billed at the
// schedule's rate with a line that leads to the job.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { isDomainError } from "../errors/index.ts";
import { deleteJob } from "../migrations/index.ts";
import { draftStatement, getPlan, getStatement, jobTimeEntries, listBudgetCodes } from "./queries.ts";
import {
  addBudgetCode,
  createGrid,
  createNextGridVersion,
  createPlan,
  isGridOverlap,
  issueStatement,
  logJobTime,
  removeBudgetCode,
  removeTimeEntry,
  updatePlan,
} from "./service.ts";
import type { GridInput, PlanInput } from "./schema.ts";

const NOW = new Date("2027-01-10T10:00:00Z");
let tdb: TestDatabase;
let db: Db;
let manager: Actor;
let tech: Actor;
let agent: Actor;
let serviceId: string;
let otherServiceId: string;
let communeId: string;
let jobId: string;

const outcome = async (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: unknown) =>
      isDomainError(e)
        ? `${e.code}:${e.field ?? ""}:${e.message}`
        : ((e as { issues?: { path: string[]; message: string }[] }).issues
            ?.map((i) => `${i.path.join(".")}:${i.message}`)
            .join(",") ?? String(e)),
  );

const grid = (over: Partial<GridInput> = {}): GridInput => ({
  serviceId,
  label: "Grille 2026",
  validFrom: "2026-01-01",
  validTo: null,
  subscription: { mode: "flat", priceCents: 365_000 },
  trainingDayCents: 65_000,
  hourlyRates: { technician: 6_000, engineer: 8_000 },
  ...over,
});

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma();
  await seedDemo(db, new Date("2026-06-01T08:00:00Z"));
  const person = async (role: "manager" | "technician") => {
    const u = await db.user.findFirstOrThrow({ where: { role } });
    return { userId: u.id, name: u.name, role, bodyIds: [], activeBodyId: null } as Actor;
  };
  manager = await person("manager");
  tech = await person("technician");
  serviceId = (await db.service.create({ data: { code: "TEST-EDIT", name: "Service édité" } })).id;
  otherServiceId = (await db.service.create({ data: { code: "TEST-OTHER", name: "Autre service" } })).id;
  communeId = (
    await db.body.create({
      data: {
        legalName: "Commune d'Essai-sur-Grille",
        kind: "commune",
        siret: "21450002500018",
        population: 3000,
        populationYear: 2025,
      },
    })
  ).id;
  const a = await db.user.findFirstOrThrow({ where: { role: "agent" }, include: { memberships: true } });
  agent = {
    userId: a.id,
    name: a.name,
    role: "agent",
    bodyIds: a.memberships.map((m) => m.bodyId),
    activeBodyId: null,
  };
  await db.convention.create({
    data: {
      number: "CONV-E-1",
      title: "Adhésion test",
      deliberationRef: "DEL-E",
      signatoryBodyId: communeId,
      communeBodyId: communeId,
      status: "active",
      startDate: new Date("2026-01-01"),
      endDate: new Date("2028-12-31"),
      versions: {
        create: {
          number: 1,
          label: "Convention initiale",
          effectiveFrom: new Date("2026-01-01"),
          signedAt: new Date("2026-01-01"),
          termSets: { create: { serviceId } },
        },
      },
    },
  });
  const template = await db.migrationTemplate.create({
    data: { serviceId, name: "Modèle d'essai", columns: [] },
  });
  jobId = (
    await db.migrationJob.create({
      data: {
        number: "REP-2026-0901",
        bodyId: communeId,
        serviceId,
        templateId: template.id,
        title: "Reprise des abonnés",
        ownerId: tech.userId,
      },
    })
  ).id;
});
afterAll(async () => tdb.drop());

describe("budget codes", () => {
  it("adds a coding from a year, a later row takes over, duplicates and bad codes name the field", async () => {
    const code = {
      serviceId,
      lineKind: "subscription" as const,
      bodyKind: "commune" as const,
      fromYear: 2026,
      chapter: "70",
      article: "70875",
      function: "020",
    };
    const first = await addBudgetCode(db, manager, code);
    expect(await outcome(addBudgetCode(db, manager, { ...code, article: "70876" }))).toBe(
      "VALIDATION:fromYear:budget_code_exists",
    );
    expect(await outcome(addBudgetCode(db, manager, { ...code, fromYear: 2027, article: "7087 5" }))).toBe(
      "article:budget_code",
    );
    expect(await outcome(addBudgetCode(db, tech, { ...code, fromYear: 2027 }))).toMatch(/^FORBIDDEN/);
    await createGrid(db, manager, grid({ label: "Grille de codage", validFrom: "2020-01-01" }));
    const coding = async (year: number) =>
      (
        await draftStatement(
          db,
          manager,
          { bodyId: communeId, from: `${year}-01-01`, to: `${year}-12-31` },
          [],
        )
      ).lines.find((l) => l.kind === "subscription")?.coding;
    expect(await coding(2027)).toEqual({ chapter: "70", article: "70875", function: "020" });
    // Editing is a new row valid from a later year: 2026 keeps its article, 2027 takes the new one.
    const next = await addBudgetCode(db, manager, { ...code, fromYear: 2027, article: "70876" });
    expect(await coding(2026)).toEqual({ chapter: "70", article: "70875", function: "020" });
    expect(await coding(2027)).toEqual({ chapter: "70", article: "70876", function: "020" });
    const listed = await listBudgetCodes(db, manager);
    expect(listed.find((c) => c.id === next.id)).toMatchObject({
      serviceName: "Service édité",
      fromYear: 2027,
    });
    await removeBudgetCode(db, manager, next.id);
    expect(await coding(2027)).toEqual({ chapter: "70", article: "70875", function: "020" });
    expect(await outcome(removeBudgetCode(db, manager, next.id))).toMatch(/^NOT_FOUND/);
    expect(await outcome(removeBudgetCode(db, tech, first.id))).toMatch(/^FORBIDDEN/);
    expect(await outcome(listBudgetCodes(db, agent))).toMatch(/^FORBIDDEN/);
    // Cleanup for the next tests: their grids start later.
    await db.budgetCode.deleteMany({ where: { serviceId } });
    await db.priceGrid.deleteMany({ where: { serviceId } });
  });
});

describe("next version of a grid", () => {
  it("closes the version it comes from, refuses overlaps and earlier dates, leaves issued statements frozen", async () => {
    const v1 = await createGrid(db, manager, grid());
    const issued = await issueStatement(
      db,
      manager,
      { bodyId: communeId, from: "2026-01-01", to: "2026-03-31" },
      [],
      NOW,
    );
    expect(issued.totalCents).toBe(90_000); // 90 days of 365 × 3 650 €
    expect(
      await outcome(
        createNextGridVersion(db, manager, { fromId: v1.id, grid: grid({ validFrom: "2026-01-01" }) }),
      ),
    ).toBe("VALIDATION:validFrom:grid_not_after");
    expect(
      await outcome(
        createNextGridVersion(db, manager, {
          fromId: v1.id,
          grid: grid({ serviceId: otherServiceId, validFrom: "2026-07-01" }),
        }),
      ),
    ).toBe("VALIDATION:serviceId:grid_other_service");
    expect(
      await outcome(
        createNextGridVersion(db, tech, { fromId: v1.id, grid: grid({ validFrom: "2026-07-01" }) }),
      ),
    ).toMatch(/^FORBIDDEN/);
    const v2 = await createNextGridVersion(db, manager, {
      fromId: v1.id,
      grid: grid({
        label: "Grille juillet 2026",
        validFrom: "2026-07-01",
        subscription: { mode: "flat", priceCents: 730_000 },
      }),
    });
    const closed = await db.priceGrid.findUniqueOrThrow({ where: { id: v1.id } });
    expect(closed.validTo?.toISOString().slice(0, 10)).toBe("2026-06-30");
    expect(v2.validTo).toBeNull();
    // From the closed first version again: July overlaps the second one, named.
    expect(
      await outcome(
        createNextGridVersion(db, manager, { fromId: v1.id, grid: grid({ validFrom: "2026-09-01" }) }),
      ),
    ).toBe("VALIDATION:validFrom:grid_overlap");
    // The draft follows the versions; the issued statement does not move.
    const draft = await draftStatement(
      db,
      manager,
      { bodyId: communeId, from: "2026-01-01", to: "2026-12-31" },
      [],
    );
    const subs = draft.lines.filter((l) => l.kind === "subscription");
    expect(subs.map((l) => [l.grid?.label, l.amountCents])).toEqual([
      ["Grille 2026", 181_000], // 181 days × 1 000 €
      ["Grille juillet 2026", 368_000], // 184 days × 2 000 €
    ]);
    expect((await getStatement(db, manager, issued.id)).snapshot.totals.amountCents).toBe(90_000);
    // The exclusion constraint backs the check: a raw overlapping insert is refused and recognised.
    const raw = await db.priceGrid
      .create({
        data: {
          serviceId,
          label: "Intruse",
          validFrom: new Date("2026-08-01"),
          subscription: {},
          migration: {},
          hourlyRates: {},
        },
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isGridOverlap(raw)).toBe(true);
  });
});

describe("cost-sharing plan edits", () => {
  it("changes members, rates and global cost until an issued statement bills the plan", async () => {
    const other = await db.body.findFirstOrThrow({ where: { kind: "commune", id: { not: communeId } } });
    const plan: PlanInput = {
      name: "Plan édité",
      serviceId,
      globalCostCents: 1_000_000,
      periodFrom: "2027-01-01",
      periodTo: "2027-12-31",
      populationYear: 2025,
      providerRates: { commune: 50 },
      memberIds: [communeId],
    };
    const created = await createPlan(db, manager, plan);
    await updatePlan(db, manager, {
      id: created.id,
      plan: {
        ...plan,
        globalCostCents: 2_000_000,
        providerRates: { commune: 25 },
        memberIds: [communeId, other.id],
      },
    });
    const p = await getPlan(db, manager, created.id);
    expect(p.globalCostCents).toBe(2_000_000);
    expect(p.members.map((m) => m.bodyId).sort()).toEqual([communeId, other.id].sort());
    expect(p.totals?.providerCents).toBe(500_000);
    expect(p.frozenBy).toBeNull();
    expect(
      await outcome(
        updatePlan(db, manager, { id: created.id, plan: { ...plan, providerRates: { commune: 101 } } }),
      ),
    ).toBe("plan.providerRates.commune:rate_range");
    expect(await outcome(updatePlan(db, tech, { id: created.id, plan }))).toMatch(/^FORBIDDEN/);
    const s = await issueStatement(
      db,
      manager,
      { bodyId: communeId, from: "2027-01-01", to: "2027-03-31" },
      [],
      NOW,
    );
    expect(await outcome(updatePlan(db, manager, { id: created.id, plan }))).toBe("CONFLICT::plan_frozen");
    const after = await getPlan(db, manager, created.id);
    expect(after.frozenBy).toBe(s.number);
    expect(after.globalCostCents).toBe(2_000_000);
  });
});

describe("time on a data-migration job", () => {
  it("is logged by technicians, billed at the schedule's rate with a line leading to the job", async () => {
    await db.priceGrid.deleteMany({ where: { serviceId } });
    await createGrid(db, manager, grid({ validFrom: "2028-01-01", label: "Grille 2028" }));
    const entry = await logJobTime(db, tech, {
      migrationJobId: jobId,
      workedOn: "2028-02-03",
      minutes: 150,
      profile: "engineer",
      comment: "Transcodage des catégories",
    });
    await logJobTime(db, tech, {
      migrationJobId: jobId,
      workedOn: "2028-02-04",
      minutes: 60,
      profile: "engineer",
      billable: false,
    });
    expect(entry).toMatchObject({ migrationJobId: jobId, ticketId: null, bodyId: communeId, serviceId });
    const listed = await jobTimeEntries(db, tech, { migrationJobId: jobId });
    expect(listed.map((e) => [e.minutes, e.billable, e.comment])).toEqual([
      [150, true, "Transcodage des catégories"],
      [60, false, ""],
    ]);
    const draft = await draftStatement(
      db,
      manager,
      { bodyId: communeId, from: "2028-01-01", to: "2028-12-31" },
      [],
    );
    const line = draft.lines.find((l) => l.kind === "time")!;
    expect(line.label).toBe("Adaptation spécifique — reprise de données REP-2026-0901 Reprise des abonnés");
    expect(line.amountCents).toBe(20_000); // 2 h 30 × 80 €
    expect(line.source).toEqual({
      type: "migration_job",
      id: jobId,
      ref: "REP-2026-0901",
      href: `/reprises/${jobId}#temps`,
    });
    expect(line.basis.join(" | ")).toContain("2 h 30 (ingénieur) × 80,00 € de l'heure");
    expect(line.basis.join(" | ")).toContain("sur la reprise de données REP-2026-0901");
    // Refusals: an agent, an unknown job, a zero duration, an issued period.
    expect(
      await outcome(
        logJobTime(db, agent, {
          migrationJobId: jobId,
          workedOn: "2028-02-05",
          minutes: 30,
          profile: "technician",
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
    expect(await outcome(jobTimeEntries(db, agent, { migrationJobId: jobId }))).toMatch(/^FORBIDDEN/);
    expect(
      await outcome(
        logJobTime(db, tech, {
          migrationJobId: "00000000-0000-4000-8000-000000000000",
          workedOn: "2028-02-05",
          minutes: 30,
          profile: "technician",
        }),
      ),
    ).toMatch(/^NOT_FOUND/);
    expect(
      await outcome(
        logJobTime(db, tech, {
          migrationJobId: jobId,
          workedOn: "2028-02-05",
          minutes: 0,
          profile: "technician",
        }),
      ),
    ).toBe("minutes:duration");
    const s = await issueStatement(
      db,
      manager,
      { bodyId: communeId, from: "2028-01-01", to: "2028-06-30" },
      [],
      NOW,
    );
    expect(s.totalCents).toBeGreaterThan(20_000);
    expect(
      await outcome(
        logJobTime(db, tech, {
          migrationJobId: jobId,
          workedOn: "2028-03-01",
          minutes: 30,
          profile: "technician",
        }),
      ),
    ).toBe("VALIDATION:workedOn:period_closed");
    expect(await outcome(removeTimeEntry(db, tech, entry.id))).toBe("VALIDATION:workedOn:period_closed");
    // The database holds an entry to exactly one of a ticket or a job.
    const orphan = await db.timeEntry
      .create({
        data: {
          bodyId: communeId,
          serviceId,
          userId: tech.userId,
          userName: tech.name,
          workedOn: new Date("2028-09-01"),
          minutes: 10,
          profile: "technician",
        },
      })
      .then(
        () => "accepted",
        (e: unknown) => String(e),
      );
    expect(orphan).toContain("TimeEntry_one_subject_check");
    // The job keeps its time: deleting it is refused (cancelling stays possible).
    const files = {} as Parameters<typeof deleteJob>[1];
    expect(await outcome(deleteJob(db, files, tech, { id: jobId }))).toBe("CONFLICT::migration_has_time");
    expect(await db.migrationJob.count({ where: { id: jobId } })).toBe(1);
  });
});
