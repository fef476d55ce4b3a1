// Loans against a real PostgreSQL: the full journey with both validations and the PDFs, the database
// refusing overlapping bookings (also under real concurrency), loss declarations and their alerts,
// and isolation from other bodies.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Actor } from "../access/index.ts";
import { pdfText } from "../documents/index.ts";
import { getAsset, setAssetCustody } from "../assets/index.ts";
import { localFileStore, type FileStore } from "../files/index.ts";
import {
  addLossFile,
  createLoan,
  declareLoss,
  getLoan,
  loanCalendar,
  loanDocumentPdf,
  loansOfAsset,
  requestSignOffCode,
  reserveAsset,
  saveInventory,
  saveReturn,
  sendLoanAlerts,
  signOff,
  signOffOnSite,
  startReturn,
  startService,
} from "./index.ts";

const NOW = new Date("2026-12-02T09:00:00Z");

describe("loans", { timeout: 120_000 }, () => {
  let tdb: TestDatabase;
  let files: FileStore;
  let dir: string;
  let tech: Actor;
  let agent: Actor;
  let otherAgent: Actor;
  let ids: Record<string, string>;

  const person = async (email: string): Promise<Actor> => {
    const u = await tdb.prisma().user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    return {
      userId: u.id,
      name: u.name,
      role: u.role,
      bodyIds: u.memberships.map((m) => m.bodyId),
      activeBodyId: null,
    };
  };
  const asset = async (tag: string, kind: string, kitId: string | null = null) => {
    const db = tdb.prisma();
    const k = await db.assetKind.findUniqueOrThrow({ where: { code: kind } });
    return (
      await db.asset.create({
        data: { tag, serialNumber: `SN-${tag}`, kindId: k.id, model: "Modèle", kitId },
      })
    ).id;
  };

  beforeAll(async () => {
    tdb = await createTestDatabase();
    const db = tdb.prisma();
    await seedDemo(db, NOW);
    dir = await mkdtemp(path.join(os.tmpdir(), "mutuo-loans-"));
    files = localFileStore(dir);
    tech = await person("tech@val-orlene.example");
    agent = await person("agent@saint-aubin.example");
    otherAgent = await person("agent@bellerive.example");
    const body = await db.body.findFirstOrThrow({
      where: { legalName: "Commune de Saint-Aubin-des-Vignes" },
    });
    const conv = await db.convention.findFirstOrThrow({
      where: { signatoryBodyId: body.id, status: "active" },
    });
    const kit = await asset("PRT-KIT-1", "crisis_kit");
    await asset("PRT-KIT-1-PC1", "laptop", kit);
    await db.kitAccessory.create({ data: { kitId: kit, label: "Chargeur", quantity: 5 } });
    ids = {
      body: body.id,
      convention: conv.id,
      switch: await asset("PRT-SW-1", "switch"),
      screen: await asset("PRT-EC-1", "screen"),
      kit,
    };
  });
  afterAll(async () => {
    await tdb.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const loanOf = (assetIds: string[], startDate = "2026-12-03", endDate = "2027-06-30") =>
    createLoan(
      tdb.prisma(),
      tech,
      {
        bodyId: ids.body!,
        conventionId: ids.convention!,
        assetIds,
        startDate,
        endDate,
        address: "Mairie, 1 place de l'Église",
        contactName: "Paul Martin",
      },
      NOW,
    );

  it("lends a switch with both validations, takes it back with a cable missing, and puts it back in stock", async () => {
    const db = tdb.prisma();
    const loan = await loanOf([ids.switch!]);
    expect(loan.number).toMatch(/^PRT-2026-\d{4}$/);
    let view = await getLoan(db, tech, loan.id, NOW);
    const inv = view.documents[0]!;
    expect(inv.inventory!.items[0]).toMatchObject({
      tag: "PRT-SW-1",
      serial: "SN-PRT-SW-1",
      condition: "good",
    });
    expect(inv.inventory!.tests.map((t) => t.test)).toContain("Lien réseau");
    await saveInventory(db, tech, {
      loanId: loan.id,
      items: [{ assetId: ids.switch!, condition: "new", accessories: "2 câbles RJ45", remark: "" }],
      accessories: [{ label: "Câble RJ45", quantity: 2, remark: "" }],
      tests: inv.inventory!.tests.map((t) => ({ ...t, result: "ok" as const })),
    });
    view = await getLoan(db, tech, loan.id, NOW);
    const doc = view.documents[0]!;
    // The agent cannot validate first, nor a content other than what they were shown.
    await expect(
      signOff(db, agent, { documentId: doc.id, sha256: doc.sha256 }, { now: NOW }),
    ).rejects.toMatchObject({
      field: "party",
    });
    await expect(
      signOff(db, tech, { documentId: doc.id, sha256: inv.sha256 }, { now: NOW }),
    ).rejects.toMatchObject({
      message: "document_changed",
    });
    await signOff(db, tech, { documentId: doc.id, sha256: doc.sha256 }, { now: NOW });
    await expect(getLoan(db, otherAgent, loan.id, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await signOff(db, agent, { documentId: doc.id, sha256: doc.sha256 }, { now: NOW });
    view = await getLoan(db, agent, loan.id, NOW);
    expect(view.status).toBe("inventory_signed");
    expect(view.documents[0]!.frozenAt).not.toBeNull();
    const pdf = pdfText((await loanDocumentPdf(db, agent, doc.id, NOW)).bytes);
    expect(pdf).toContain("Inventaire contradictoire");
    expect(pdf).toContain(tech.name);
    expect(pdf).toContain(agent.name);
    expect(pdf).toContain(doc.sha256);
    await expect(loanDocumentPdf(db, otherAgent, doc.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await startService(db, tech, loan.id, NOW);
    expect(await db.asset.findUniqueOrThrow({ where: { id: ids.switch! } })).toMatchObject({
      status: "lent",
      bodyId: ids.body,
    });
    // Already lent over these dates: refused, naming the loan.
    await expect(loanOf([ids.switch!], "2027-01-01", "2027-02-01")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "asset_booked_by_loan",
      params: { asset: "PRT-SW-1", loan: loan.number },
    });

    await startReturn(db, tech, loan.id);
    await saveReturn(db, tech, {
      loanId: loan.id,
      items: [{ assetId: ids.switch!, outcome: "same", remark: "" }],
      accessories: [{ label: "Câble RJ45", returned: 1, remark: "Un câble non retrouvé" }],
    });
    view = await getLoan(db, tech, loan.id, NOW);
    let ret = view.documents.find((d) => d.kind === "return_report")!;
    expect(ret.differences).toEqual([
      { kind: "accessory", label: "Câble RJ45", missing: 1, extra: 0, remark: "Un câble non retrouvé" },
    ]);
    // The switch holds a configuration: no validation before its wipe is recorded.
    await expect(
      signOff(db, tech, { documentId: ret.id, sha256: ret.sha256 }, { now: NOW }),
    ).rejects.toMatchObject({
      field: "wipe",
    });
    await saveReturn(db, tech, {
      loanId: loan.id,
      items: [
        {
          assetId: ids.switch!,
          outcome: "same",
          wipeMethod: "Réinitialisation usine",
          wipeBy: tech.name,
          wipeAt: "2026-12-02",
        },
      ],
      accessories: [{ label: "Câble RJ45", returned: 1, remark: "Un câble non retrouvé" }],
    });
    ret = (await getLoan(db, tech, loan.id, NOW)).documents.find((d) => d.kind === "return_report")!;
    await signOff(db, tech, { documentId: ret.id, sha256: ret.sha256 }, { now: NOW });
    // On site, on the technician's tablet: a one-time code e-mailed to the agent.
    await requestSignOffCode(db, tech, { documentId: ret.id, email: "agent@saint-aubin.example" }, NOW);
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { template: "loan.code" },
      orderBy: { createdAt: "desc" },
    });
    const code = (mail.data as { code: string }).code;
    await expect(
      signOffOnSite(db, tech, {
        documentId: ret.id,
        sha256: ret.sha256,
        email: "agent@saint-aubin.example",
        code: "000000" === code ? "111111" : "000000",
      }),
    ).rejects.toMatchObject({ field: "code" });
    await signOffOnSite(
      db,
      tech,
      { documentId: ret.id, sha256: ret.sha256, email: "agent@saint-aubin.example", code },
      { now: NOW },
    );
    view = await getLoan(db, agent, loan.id, NOW);
    expect(view.status).toBe("returned");
    expect(await db.asset.findUniqueOrThrow({ where: { id: ids.switch! } })).toMatchObject({
      status: "in_stock",
      bodyId: null,
    });
    const signed = view.documents.find((d) => d.kind === "return_report")!;
    expect(signed.signOffs.map((s) => [s.party, s.name, s.method])).toEqual([
      ["provider", tech.name, "session"],
      ["borrower", agent.name, "code"],
    ]);
    const returnPdf = pdfText((await loanDocumentPdf(db, agent, signed.id, NOW)).bytes);
    expect(returnPdf).toContain("Procès-verbal de restitution");
    expect(returnPdf).toContain("Manquant : 1");
    expect(returnPdf).toContain("Câble RJ45");
    expect(returnPdf).toContain("Réinitialisation");
    const history = await db.assetEvent.findMany({
      where: { assetId: ids.switch! },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["loan_created", "loan_in_service", "loan_returned", "wiped"]),
    );
    expect((await loansOfAsset(db, tech, ids.switch!)).loans.map((l) => l.number)).toContain(loan.number);
    expect((await loansOfAsset(db, otherAgent, ids.switch!)).loans).toEqual([]);
  });

  it("records each loan move as a change of holder, so that the next body reads the history from its own loan only", async () => {
    const db = tdb.prisma();
    const moves = await db.assetEvent.findMany({
      where: { assetId: ids.switch!, kind: { in: ["loan_in_service", "loan_returned"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(moves.map((e) => e.data)).toEqual([
      expect.objectContaining({ from: "reserved", to: "lent", fromBodyId: null, toBodyId: ids.body }),
      expect.objectContaining({ from: "lent", to: "in_stock", fromBodyId: ids.body, toBodyId: null }),
    ]);
    // The switch then goes to Bellerive: its agent reads nothing of Saint-Aubin's loan.
    const bellerive = otherAgent.bodyIds[0]!;
    await db.$transaction((tx) =>
      setAssetCustody(tx, {
        assetIds: [ids.switch!],
        status: "lent",
        bodyId: bellerive,
        kind: "loan_in_service",
        data: { number: "PRT-2026-9999" },
        actorId: tech.userId,
        at: new Date(NOW.getTime() + 60_000),
      }),
    );
    const seen = await getAsset(db, otherAgent, { id: ids.switch! });
    expect(seen.events.map((e) => e.kind)).toEqual(["loan_in_service"]);
    expect(JSON.stringify(seen.events)).not.toContain("Saint-Aubin");
    const staff = await getAsset(db, tech, { id: ids.switch! });
    expect(staff.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["loan_returned", "wiped"]));
    await db.$transaction((tx) =>
      setAssetCustody(tx, {
        assetIds: [ids.switch!],
        status: "in_stock",
        bodyId: null,
        kind: "loan_returned",
        at: new Date(NOW.getTime() + 120_000),
      }),
    );
  });

  it("refuses an end before the start", async () => {
    await expect(loanOf([ids.screen!], "2027-02-01", "2027-01-01")).rejects.toMatchObject({
      code: "VALIDATION",
      field: "endDate",
    });
  });

  it("lets exactly one of two simultaneous reservations of a kit win, the other told which", async () => {
    const db = tdb.prisma();
    const attempt = (purpose: string, startDate: string, endDate: string) =>
      reserveAsset(db, tech, { assetId: ids.kit!, startDate, endDate, purpose }, NOW);
    const results = await Promise.allSettled([
      attempt("Exercice de crise A", "2027-01-10", "2027-01-20"),
      attempt("Exercice de crise B", "2027-01-15", "2027-01-25"),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toMatchObject({
      code: "CONFLICT",
      message: "asset_booked_by_reservation",
      params: { asset: expect.stringMatching(/^PRT-KIT-1/) },
    });
    const winner = (ok[0] as PromiseFulfilledResult<{ purpose: string }>).value.purpose;
    expect(refused[0]!.reason.params.purpose).toBe(winner);
    // A loan over the reserved days is refused as well; the day after is free.
    await expect(loanOf([ids.kit!], "2027-01-18", "2027-02-01")).rejects.toMatchObject({ code: "CONFLICT" });
    const cal = await loanCalendar(db, tech, { from: "2027-01-04", weeks: 4 });
    expect(cal.entries.map((e) => e.label)).toContain(winner);
    expect((await loanCalendar(db, otherAgent, { from: "2027-01-04", weeks: 4 })).entries).toEqual([]);
  });

  it("marks a theft declared 30 hours after discovery as late and alerts each manager once", async () => {
    const db = tdb.prisma();
    const loan = await loanOf([ids.screen!], "2026-12-03", "2027-01-31");
    const doc = (await getLoan(db, tech, loan.id, NOW)).documents[0]!;
    await signOff(db, tech, { documentId: doc.id, sha256: doc.sha256 }, { now: NOW });
    await signOff(db, agent, { documentId: doc.id, sha256: doc.sha256 }, { now: NOW });
    await startService(db, tech, loan.id, NOW);
    const later = new Date(NOW.getTime() + 3 * 86_400_000);
    await expect(
      declareLoss(
        db,
        agent,
        {
          loanId: loan.id,
          kind: "theft",
          assetIds: [ids.screen!],
          discoveredAt: new Date(later.getTime() - 30 * 3600_000),
          circumstances: "Bureau fracturé",
        },
        later,
      ),
    ).rejects.toMatchObject({ field: "policeReportRef" });
    await expect(
      declareLoss(
        db,
        otherAgent,
        {
          loanId: loan.id,
          kind: "loss",
          assetIds: [ids.screen!],
          discoveredAt: later,
          circumstances: "Pirate",
        },
        later,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const decl = await declareLoss(
      db,
      agent,
      {
        loanId: loan.id,
        kind: "theft",
        assetIds: [ids.screen!],
        discoveredAt: new Date(later.getTime() - 30 * 3600_000),
        circumstances: "Bureau fracturé pendant le week-end",
        policeReportRef: "PV-2026-1234",
      },
      later,
    );
    expect(decl).toMatchObject({ late: true, hours: 30 });
    expect((await getLoan(db, agent, loan.id, later)).status).toBe("stolen");
    await sendLoanAlerts(db, later);
    await sendLoanAlerts(db, later);
    const managers = await db.user.count({ where: { role: "manager", active: true } });
    const alerts = await db.outboxMessage.findMany({
      where: { template: "loan.alert", dedupKey: { startsWith: `loan.loss:${decl.id}` } },
    });
    expect(alerts).toHaveLength(managers);
    expect(alerts.every((a) => (a.data as { late: boolean }).late)).toBe(true);
    // A fake PDF as proof of insurance is refused, naming the field.
    await expect(
      addLossFile(db, files, agent, {
        declarationId: decl.id,
        field: "proofOfInsurance",
        name: "attestation.pdf",
        mimeType: "application/pdf",
        contentBase64: Buffer.from("MZ not a pdf").toString("base64"),
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      field: "proofOfInsurance",
      message: "proofOfInsurance_file_type",
    });
    await addLossFile(db, files, agent, {
      declarationId: decl.id,
      field: "proofOfInsurance",
      name: "attestation.pdf",
      mimeType: "application/pdf",
      contentBase64: Buffer.from("%PDF-1.4 attestation").toString("base64"),
    });
    expect(
      (await db.lossDeclaration.findUniqueOrThrow({ where: { id: decl.id } })).proofFileId,
    ).not.toBeNull();
  });

  it("announces loans ending in 7 days to technicians and the body's agents, once", async () => {
    const db = tdb.prisma();
    const loan = await loanOf([await asset("PRT-RT-1", "router_4g")], "2026-12-03", "2026-12-09");
    const doc = (await getLoan(db, tech, loan.id, NOW)).documents[0]!;
    await signOff(db, tech, { documentId: doc.id, sha256: doc.sha256 }, { now: NOW });
    await signOff(db, agent, { documentId: doc.id, sha256: doc.sha256 }, { now: NOW });
    await sendLoanAlerts(db, NOW);
    await sendLoanAlerts(db, NOW);
    const sent = await db.outboxMessage.findMany({
      where: { dedupKey: { startsWith: `loan.ending:${loan.id}:` } },
    });
    expect(sent.map((m) => m.toEmail)).toEqual(
      expect.arrayContaining(["tech@val-orlene.example", "agent@saint-aubin.example"]),
    );
    expect(new Set(sent.map((m) => m.toEmail)).size).toBe(sent.length);
    expect(sent.some((m) => m.toEmail === "agent@bellerive.example")).toBe(false);
  });
});
