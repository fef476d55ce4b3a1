import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { pdfText } from "../documents/index.ts";
import { isDomainError } from "../errors/index.ts";
import type { BillableActivityReader } from "../shared/billable.ts";
import { statementPdf, statementsCsv, statementsXlsx, financeCsv } from "./exports.ts";
import { draftStatement, getPlan, getStatement, listStatements, yearView } from "./queries.ts";
import {
  createGrid,
  createPlan,
  issueCreditNote,
  issueStatement,
  logTime,
  recordPayment,
  setInvoicing,
  updateGrid,
} from "./service.ts";
import type { GridInput } from "./schema.ts";

const NOW = new Date("2027-01-10T10:00:00Z");
let tdb: TestDatabase;
let db: Db;
let manager: Actor;
let tech: Actor;
let serviceId: string;
let communeId: string;
let ccasId: string;
let ticketId: string;

const grid = (over: Partial<GridInput> = {}): GridInput => ({
  serviceId,
  label: "Grille 2026",
  validFrom: "2026-01-01",
  validTo: null,
  subscription: {
    mode: "bracket",
    brackets: [
      { upTo: 2000, priceCents: 90_000 },
      { upTo: 10_000, priceCents: 240_000 },
      { upTo: null, priceCents: 480_000 },
    ],
  },
  initialisationCents: 120_000,
  trainingDayCents: 65_000,
  hourlyRates: { technician: 6_000, engineer: 8_500 },
  ...over,
});

const reader: BillableActivityReader = async (_db, q) =>
  q.bodyIds.includes(communeId) && q.from <= "2026-10-05" && q.to >= "2026-10-05"
    ? [
        {
          kind: "training_dedicated_day",
          bodyId: communeId,
          serviceId,
          conventionId: null,
          occurredOn: "2026-10-05",
          quantity: 2,
          unit: "day",
          label: "Formation dédiée : prise en main — 2 jours",
          source: {
            type: "training_session",
            id: "00000000-0000-4000-8000-000000000001",
            ref: "FOR-2026-0001",
          },
        },
      ]
    : [];

async function convention(bodyId: string, commune: string, start: string, waived: boolean) {
  const n = await db.convention.count();
  return db.convention.create({
    data: {
      number: `CONV-T-${n}`,
      title: "Adhésion test",
      deliberationRef: "DEL-T",
      signatoryBodyId: bodyId,
      communeBodyId: commune,
      status: "active",
      startDate: new Date(start),
      endDate: new Date("2028-12-31"),
      initialisationWaived: waived,
      versions: {
        create: {
          number: 1,
          label: "Convention initiale",
          effectiveFrom: new Date(start),
          signedAt: new Date(start),
          termSets: { create: { serviceId } },
        },
      },
    },
  });
}

const fieldOf = async (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: unknown) =>
      isDomainError(e)
        ? `${e.field}:${e.message}`
        : ((e as { issues?: { path: string[]; message: string }[] }).issues
            ?.map((i) => `${i.path.join(".")}:${i.message}`)
            .join(",") ?? String(e)),
  );

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma();
  await seedDemo(db, new Date("2026-06-01T08:00:00Z"));
  const m = await db.user.findFirstOrThrow({ where: { role: "manager" } });
  manager = { userId: m.id, name: m.name, role: "manager", bodyIds: [], activeBodyId: null };
  const t = await db.user.findFirstOrThrow({ where: { role: "technician" } });
  tech = { userId: t.id, name: t.name, role: "technician", bodyIds: [], activeBodyId: null };
  serviceId = (await db.service.create({ data: { code: "TEST-BILL", name: "Service facturé" } })).id;
  communeId = (
    await db.body.create({
      data: {
        legalName: "Commune de Testville",
        kind: "commune",
        siret: "21450001700010",
        population: 1500,
        populationYear: 2025,
      },
    })
  ).id;
  ccasId = (await db.body.create({ data: { legalName: "CCAS de Testville", kind: "ccas", communeId } })).id;
  await convention(communeId, communeId, "2026-07-01", true);
  await convention(ccasId, communeId, "2026-01-01", false);
  ticketId = (
    await db.ticket.create({
      data: {
        number: "SOS-2026-990100",
        bodyId: communeId,
        serviceId,
        subject: "Export sur mesure",
        description: "Adaptation",
        category: "request",
        impact: "low",
        urgency: "low",
        priority: "low",
        channel: "portal",
        declarantName: "Déclarant",
        receivedAt: new Date("2026-09-10T08:00:00Z"),
      },
    })
  ).id;
});
afterAll(async () => tdb.drop());

describe("statements", () => {
  let statementId = "";
  it("refuses an overlapping grid version, a negative price, a rate above 100 %", async () => {
    await createGrid(db, manager, grid());
    expect(
      await fieldOf(createGrid(db, manager, grid({ label: "Chevauche", validFrom: "2026-06-01" }))),
    ).toBe("validFrom:grid_overlap");
    expect(
      await fieldOf(createGrid(db, manager, grid({ validFrom: "2030-01-01", initialisationCents: -1 }))),
    ).toBe("initialisationCents:negative_price");
    expect(await fieldOf(createGrid(db, tech, grid({ validFrom: "2030-01-01" })))).toContain(
      "undefined:requires role",
    );
    expect(
      await fieldOf(
        createPlan(db, manager, {
          name: "Taux faux",
          globalCostCents: 100,
          periodFrom: "2026-01-01",
          periodTo: "2026-12-31",
          populationYear: 2025,
          providerRates: { commune: 120 },
          memberIds: [communeId],
        }),
      ),
    ).toBe("providerRates.commune:rate_range");
  });

  it("computes a mid-year commune's draft, each line explained", async () => {
    await logTime(db, tech, {
      ticketId,
      workedOn: "2026-09-10",
      minutes: 210,
      profile: "technician",
      comment: "Export",
    });
    await logTime(db, tech, {
      ticketId,
      workedOn: "2026-09-10",
      minutes: 60,
      profile: "technician",
      billable: false,
    });
    const d = await draftStatement(db, manager, { bodyId: communeId, from: "2026-01-01", to: "2026-12-31" }, [
      reader,
    ]);
    const byKind = Object.fromEntries(d.lines.map((l) => [l.kind, l]));
    // 900 € × 184 / 365 days = 453,698… €.
    expect(byKind.subscription).toMatchObject({ amountCents: 45_370 });
    expect(byKind.subscription!.basis.join(" ")).toContain("184 jours sur 365");
    expect(byKind.subscription!.basis.join(" ")).toContain("1 500 habitants");
    expect(byKind.initialisation).toMatchObject({ amountCents: 0 });
    expect(byKind.initialisation!.basis.join(" ")).toContain("déjà utilisateur");
    expect(byKind.training).toMatchObject({ amountCents: 130_000 });
    expect(byKind.time).toMatchObject({ amountCents: 21_000, quantity: 3.5 });
    expect(byKind.time!.basis.join(" ")).toContain("3 h 30");
    expect(byKind.time!.source.href).toContain(ticketId);
    expect(d.totals.amountCents).toBe(45_370 + 130_000 + 21_000);
  });

  it("bills a CCAS at its commune's population bracket", async () => {
    await db.body.update({ where: { id: communeId }, data: { population: 5000 } });
    const d = await draftStatement(db, manager, { bodyId: ccasId, from: "2026-01-01", to: "2026-12-31" }, []);
    expect(d.lines.find((l) => l.kind === "subscription")).toMatchObject({ amountCents: 240_000 });
    expect(d.lines.find((l) => l.kind === "initialisation")).toMatchObject({ amountCents: 120_000 });
    await db.body.update({ where: { id: communeId }, data: { population: 1500 } });
  });

  it("issues a numbered, frozen statement; refuses time on its period; corrects it by a credit note", async () => {
    await setInvoicing(db, manager, {
      bodyId: communeId,
      invoicingRequirement: "both",
      invoicingServiceCode: "SERV-01",
    });
    expect(
      await fieldOf(
        issueStatement(
          db,
          manager,
          { bodyId: communeId, from: "2026-01-01", to: "2026-12-31" },
          [reader],
          NOW,
        ),
      ),
    ).toBe("commitmentNumber:invoicing_reference_missing");
    await setInvoicing(db, manager, {
      bodyId: communeId,
      invoicingRequirement: "both",
      invoicingServiceCode: "SERV-01",
      commitmentNumber: "ENG-2026-77",
    });
    const s = await issueStatement(
      db,
      manager,
      { bodyId: communeId, from: "2026-01-01", to: "2026-12-31" },
      [reader],
      NOW,
    );
    statementId = s.id;
    expect(s.number).toBe("REL-2027-0001");
    expect(
      await fieldOf(
        issueStatement(db, manager, { bodyId: communeId, from: "2026-06-01", to: "2026-06-30" }, [], NOW),
      ),
    ).toBe("from:statement_overlap");
    expect(
      await fieldOf(
        logTime(db, tech, { ticketId, workedOn: "2026-11-02", minutes: 30, profile: "engineer" }),
      ),
    ).toBe("workedOn:period_closed");
    // A later grid change does not alter the issued statement.
    const g = await db.priceGrid.findFirstOrThrow({ where: { serviceId } });
    await updateGrid(db, manager, { id: g.id, grid: grid({ hourlyRates: { technician: 9_999 } }) });
    const issued = await getStatement(db, manager, s.id);
    expect(issued.snapshot.lines.find((l) => l.kind === "time")).toMatchObject({ amountCents: 21_000 });
    expect(issued.totalCents).toBe(196_370);
    const note = await issueCreditNote(
      db,
      manager,
      { statementId: s.id, lineIndex: 0, amountCents: 5_000, reason: "Erreur de tranche" },
      NOW,
    );
    expect(note.number).toBe("AV-2027-0001");
    await recordPayment(db, manager, { statementId: s.id, amountCents: 100_000, paidOn: "2027-02-01" });
    expect(await getStatement(db, manager, s.id)).toMatchObject({
      dueCents: 191_370,
      paidCents: 100_000,
      outstandingCents: 91_370,
      state: "partly_paid",
    });
    expect(
      await fieldOf(
        issueCreditNote(db, manager, { statementId: s.id, amountCents: 999_999, reason: "Trop" }, NOW),
      ),
    ).toBe("amountCents:credit_exceeds_statement");
  });

  it("exports the statement as a PDF, CSV and XLSX that read back", async () => {
    const pdf = pdfText((await statementPdf(db, manager, statementId)).bytes);
    for (const s of [
      "REL-2027-0001",
      "Commune de Testville",
      "21450001700010",
      "SERV-01",
      "ENG-2027-77".replace("2027", "2026"),
      "184 jours sur 365",
      "déjà utilisateur",
      "70",
      "bases de liquidation",
    ])
      expect(pdf).toContain(s);
    const csv = parse(await statementsCsv(db, manager, { id: statementId }), {
      delimiter: ";",
      bom: true,
    }) as string[][];
    expect(csv[0]![0]).toBe("Relevé");
    expect(csv.length).toBe(1 + 4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await statementsXlsx(db, manager, { year: 2026 })) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Relevés")!.getRow(2).getCell(1).value).toBe("REL-2027-0001");
    expect(wb.getWorksheet("Relevés")!.getRow(2).getCell(6).value).toBe(1963.7);
    const fin = parse(await financeCsv(db, manager, 2026), {
      delimiter: ";",
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(fin[0]).toMatchObject({
      numero: "REL-2027-0001",
      siret_destinataire: "21450001700010",
      code_service: "SERV-01",
      numero_engagement: "ENG-2026-77",
    });
  });

  it("shows agents only their own bodies' issued statements", async () => {
    const other: Actor = { userId: "x", name: "Agent", role: "agent", bodyIds: [ccasId], activeBodyId: null };
    const own: Actor = {
      userId: "y",
      name: "Agent",
      role: "agent",
      bodyIds: [communeId],
      activeBodyId: null,
    };
    expect(await fieldOf(getStatement(db, other, statementId))).toContain("statement not found");
    expect(await fieldOf(statementPdf(db, other, statementId))).toContain("statement not found");
    expect(await listStatements(db, other, {})).toEqual([]);
    expect((await listStatements(db, own, {})).map((s) => s.id)).toEqual([statementId]);
    expect(
      await fieldOf(draftStatement(db, own, { bodyId: communeId, from: "2026-01-01", to: "2026-12-31" }, [])),
    ).toContain("requires role");
  });
});

describe("cost sharing", () => {
  it("reproduces Montpellier: provider participation 78 000 €, shares add up to the cent", async () => {
    const members = await db.body.findMany({
      where: { kind: { in: ["commune", "ccas", "cias"] } },
      select: { id: true },
    });
    const plan = await createPlan(db, manager, {
      name: "Montpellier-like",
      globalCostCents: 12_000_000,
      periodFrom: "2019-01-01",
      periodTo: "2021-12-31",
      populationYear: 2018,
      groupWeights: { commune: 1, ccas: 1 },
      providerRates: { commune: 50, ccas: 80 },
      memberIds: members.map((m) => m.id),
    });
    const p = await getPlan(db, manager, plan.id);
    expect(p.totals).toEqual({ shareCents: 12_000_000, providerCents: 7_800_000, partnerCents: 4_200_000 });
    expect(p.members.reduce((a, m) => a + m.shareCents, 0)).toBe(12_000_000);
    expect(p.members.reduce((a, m) => a + m.providerCents, 0)).toBe(7_800_000);
    // A year's statement bills a third of the period (365 of 1096 days), provider participation deducted.
    const d = await draftStatement(
      db,
      manager,
      { bodyId: communeId, from: "2020-01-01", to: "2020-12-31" },
      [],
    );
    const line = d.lines.find((l) => l.kind === "cost_sharing")!;
    expect(line.amountCents).toBe(line.grossCents - line.providerCents);
    expect(line.basis.join(" ")).toContain("Participation du prestataire 50 %");
    const view = await yearView(db, manager, { year: 2020 }, []);
    expect(view.plans.find((x) => x.id === plan.id)?.totals?.providerCents).toBe(7_800_000);
  });
});
