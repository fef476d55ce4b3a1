import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Actor } from "../access/index.ts";
import { pdfText } from "../documents/index.ts";
import { localFileStore, type FileStore } from "../files/index.ts";
import { createTicket } from "../tickets/index.ts";
import {
  addAssetFile,
  addKitAccessory,
  addKitItem,
  assetLabelsPdf,
  assetsHeldBy,
  createAsset,
  getAsset,
  importAssetsCsv,
  listAssets,
  setAssetCustody,
  updateAsset,
} from "./index.ts";

describe("asset registry", () => {
  let tdb: TestDatabase;
  let dir: string;
  let files: FileStore;
  const a: Record<string, Actor> = {};
  const kinds: Record<string, string> = {};
  const bodies: Record<string, string> = {};
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

  beforeAll(async () => {
    tdb = await createTestDatabase();
    const db = tdb.prisma();
    await seedDemo(db);
    dir = await mkdtemp(path.join(os.tmpdir(), "mutuo-assets-"));
    files = localFileStore(dir);
    a.tech = await actor("tech@val-orlene.example");
    a.admin = await actor("admin@val-orlene.example");
    a.saintAubin = await actor("agent@saint-aubin.example");
    a.bellerive = await actor("agent@bellerive.example");
    for (const k of await db.assetKind.findMany()) kinds[k.code] = k.id;
    for (const b of await db.body.findMany()) bodies[b.legalName] = b.id;
  }, 120_000);
  afterAll(async () => {
    await tdb.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const laptop = (tag: string, extra: object = {}) => ({
    tag,
    serialNumber: `SN-${tag}`,
    kindId: kinds.laptop!,
    manufacturer: "Lenovo",
    model: "ThinkPad E14",
    purchaseDate: "2025-03-01",
    purchaseValueCents: 89000,
    warrantyEnd: "2028-03-01",
    ...extra,
  });

  it("registers an asset, refuses a serial already used on its field, and keeps the history", async () => {
    const db = tdb.prisma();
    const created = await createAsset(db, a.tech!, laptop("T-PC-001"));
    await expect(
      createAsset(db, a.tech!, laptop("T-PC-002", { serialNumber: "SN-T-PC-001" })),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      field: "serialNumber",
      message: "serial_already_used",
    });
    await expect(
      createAsset(db, a.tech!, laptop("T-PC-001", { serialNumber: "other" })),
    ).rejects.toMatchObject({
      field: "tag",
    });
    await expect(createAsset(db, a.saintAubin!, laptop("T-PC-009"))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      createAsset(db, a.tech!, laptop("T-PC-003", { status: "lent", bodyId: null })),
    ).rejects.toMatchObject({ field: "bodyId" });
    await updateAsset(db, a.tech!, {
      ...laptop("T-PC-001"),
      id: created.id,
      status: "lent",
      bodyId: bodies["Commune de Saint-Aubin-des-Vignes"]!,
      location: "Secrétariat de mairie",
    });
    const page = await getAsset(db, a.tech!, { id: created.id });
    expect(page.events.map((e) => e.kind)).toEqual(["status_changed", "created"]);
    expect(page.events[0]!.toBody).toBe("Commune de Saint-Aubin-des-Vignes");
    expect(page.audit.map((e) => e.action)).toEqual(["update", "create"]);
  });

  it("shows an agent only the equipment their body holds, as if the rest did not exist", async () => {
    const db = tdb.prisma();
    const mine = await db.asset.findUniqueOrThrow({ where: { tag: "T-PC-001" } });
    expect((await getAsset(db, a.saintAubin!, { id: mine.id })).tag).toBe("T-PC-001");
    await expect(getAsset(db, a.bellerive!, { id: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const listed = await listAssets(db, a.bellerive!, {});
    expect(listed.items.map((i) => i.tag)).not.toContain("T-PC-001");
    const own = await listAssets(db, a.saintAubin!, { bodyId: bodies["Commune de Bellerive-sur-Orlène"] });
    expect(own.items).toEqual([]);
    await expect(
      assetsHeldBy(db, a.bellerive!, { bodyId: bodies["Commune de Saint-Aubin-des-Vignes"]! }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      (await assetsHeldBy(db, a.saintAubin!, { bodyId: bodies["Commune de Saint-Aubin-des-Vignes"]! })).map(
        (x) => x.tag,
      ),
    ).toContain("T-PC-001");
  });

  it("links a ticket to an asset the body holds, and refuses another body's asset", async () => {
    const db = tdb.prisma();
    const mine = await db.asset.findUniqueOrThrow({ where: { tag: "T-PC-001" } });
    const service = await db.service.findFirstOrThrow({ where: { active: true } });
    const base = {
      bodyId: bodies["Commune de Bellerive-sur-Orlène"]!,
      serviceId: service.id,
      subject: "Portable en panne",
      description: "Le portable ne démarre plus depuis ce matin.",
      category: "fault" as const,
      impact: "low" as const,
      urgency: "low" as const,
      declarantName: "Marc Delorme",
    };
    await expect(
      createTicket(
        db,
        files,
        { ...a.bellerive!, bodyIds: a.bellerive!.bodyIds },
        { ...base, assetId: mine.id },
      ),
    ).rejects.toMatchObject({ field: "assetId" });
    const ticket = await createTicket(db, files, a.tech!, {
      ...base,
      bodyId: bodies["Commune de Saint-Aubin-des-Vignes"]!,
      assetId: mine.id,
      channel: "phone",
      receivedAt: new Date(),
    });
    const page = await getAsset(db, a.saintAubin!, { id: mine.id });
    expect(page.tickets.map((t) => t.number)).toEqual([ticket.number]);
    expect(page.events[0]).toMatchObject({ kind: "ticket_linked", data: { number: ticket.number } });
  });

  it("builds kits of tracked items and counted accessories, moved together", async () => {
    const db = tdb.prisma();
    const kit = await createAsset(db, a.tech!, { tag: "T-KIT-1", kindId: kinds.crisis_kit!, model: "Kit" });
    for (let i = 1; i <= 5; i++) {
      await createAsset(db, a.tech!, laptop(`T-KPC-${i}`));
      await addKitItem(db, a.tech!, { kitId: kit.id, item: i === 5 ? `SN-T-KPC-${i}` : `T-KPC-${i}` });
    }
    await addKitAccessory(db, a.tech!, { kitId: kit.id, label: "Câble RJ45", quantity: 5 });
    await expect(addKitItem(db, a.tech!, { kitId: kit.id, item: "T-KPC-1" })).rejects.toMatchObject({
      field: "item",
    });
    const body = bodies["Commune de Montclair"]!;
    await db.$transaction((tx) =>
      setAssetCustody(tx, {
        assetIds: [kit.id],
        status: "lent",
        bodyId: body,
        location: "Mairie",
        kind: "loan_started",
      }),
    );
    const items = await db.asset.findMany({ where: { kitId: kit.id } });
    expect(items.every((i) => i.status === "lent" && i.bodyId === body)).toBe(true);
    const page = await getAsset(db, a.tech!, { id: kit.id });
    expect(page.items).toHaveLength(5);
    expect(page.accessories.map((x) => [x.label, x.quantity])).toEqual([["Câble RJ45", 5]]);
    expect(await db.assetEvent.count({ where: { kind: "loan_started" } })).toBe(6);
  });

  it("refuses a 30 MB photo on the field file", async () => {
    const db = tdb.prisma();
    const mine = await db.asset.findUniqueOrThrow({ where: { tag: "T-PC-001" } });
    const big = Buffer.alloc(30 * 1024 * 1024);
    big.set([0xff, 0xd8, 0xff]);
    await expect(
      addAssetFile(db, files, a.tech!, {
        assetId: mine.id,
        fileName: "photo.jpg",
        mimeType: "image/jpeg",
        contentBase64: big.toString("base64"),
      }),
    ).rejects.toMatchObject({ field: "file", message: "file_too_large" });
  });

  it("imports a CSV only when every row is right, naming each faulty row and column", async () => {
    const db = tdb.prisma();
    const head =
      "etiquette;numero_serie;type;fabricant;modele;statut;siret_organisme;valeur_euros;fin_garantie\n";
    const bad = await importAssetsCsv(db, a.tech!, {
      content:
        head +
        "I-001;SN-I-001;laptop;Dell;Latitude;en_stock;;890,00;31/12/2028\n" +
        "I-002;SN-T-PC-001;ordinateur portable;Dell;Latitude;;;12,345;\n" +
        "I-003;SN-I-003;frigo;;;;;;\n",
    });
    expect(bad.imported).toBe(0);
    expect(bad.errors).toEqual([
      { line: 3, field: "valeur_euros", message: expect.any(String) },
      { line: 4, field: "type", message: "unknown_asset_kind" },
    ]);
    expect(await db.asset.count({ where: { tag: { startsWith: "I-" } } })).toBe(0);
    const dup = await importAssetsCsv(db, a.tech!, {
      content: head + "I-002;SN-T-PC-001;laptop;Dell;Latitude;;;;\n",
    });
    expect(dup.errors).toEqual([{ line: 2, field: "numero_serie", message: "serial_already_used" }]);
    const ok = await importAssetsCsv(db, a.tech!, {
      content: head + "I-001;SN-I-001;laptop;Dell;Latitude;en_stock;;890,00;31/12/2028\n",
    });
    expect(ok).toEqual({ imported: 1, errors: [] });
    const imported = await db.asset.findUniqueOrThrow({ where: { tag: "I-001" } });
    expect(imported.purchaseValueCents).toBe(89000);
    expect(await db.assetEvent.count({ where: { assetId: imported.id } })).toBe(1);
  });

  it("prints labels for 20 assets with their tags and QR codes holding the asset's address", async () => {
    const db = tdb.prisma();
    for (let i = 1; i <= 14; i++)
      await createAsset(db, a.tech!, laptop(`T-LBL-${String(i).padStart(2, "0")}`));
    const rows = await db.asset.findMany({ orderBy: { tag: "asc" }, take: 20 });
    const pdf = await assetLabelsPdf(db, a.tech!, { ids: rows.map((r) => r.id) }, "https://mutuo.example");
    const text = pdfText(pdf);
    for (const r of rows) expect(text).toContain(r.tag);
    await expect(assetLabelsPdf(db, a.saintAubin!, { ids: [rows[0]!.id] }, "x")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Render the first page and decode the first label's QR code.
    const pdfPath = path.join(dir, "labels.pdf");
    await import("node:fs/promises").then((fs) => fs.writeFile(pdfPath, pdf));
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "150",
      "-f",
      "1",
      "-l",
      "1",
      "-x",
      "0",
      "-y",
      "0",
      "-W",
      "420",
      "-H",
      "220",
      pdfPath,
      path.join(dir, "page"),
    ]);
    const png = PNG.sync.read(await readFile(path.join(dir, "page-1.png")));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(`https://mutuo.example/equipements/${rows[0]!.id}`);
  });
});
