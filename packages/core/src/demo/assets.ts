// The demo registry: ~60 assets of every kind and status, two crisis kits (5 laptops, a 4G router
// and counted accessories each), equipment held by partner bodies (the switch installed at the
// CEPM, a laptop lent to Saint-Aubin-des-Vignes, a reserved kit, a stolen laptop…) and a few
// tickets naming the asset concerned. Bulk inserts, in the demo history's transaction.
import { randomUUID } from "node:crypto";
import type { DbTx } from "@mutuo/db";
import { insertRows } from "./bulk.ts";
import { seededRandom } from "./random.ts";

type Status = "in_stock" | "reserved" | "lent" | "in_repair" | "lost" | "stolen" | "retired";
interface Spec {
  tag: string;
  kind: string;
  manufacturer: string;
  model: string;
  status?: Status;
  /** Legal name of the holding body. */
  body?: string;
  location?: string;
  kit?: string;
  notes?: string;
}

const CEPM = "Caisse d'entraide du personnel municipal de Villeneuve (CEPM)";
const SAINT_AUBIN = "Commune de Saint-Aubin-des-Vignes";
const BELLERIVE = "Commune de Bellerive-sur-Orlène";
const MONTCLAIR = "Commune de Montclair";
const ROCHE = "Commune de Roche-Blanche";
const VILLENEUVE = "Commune de Villeneuve-d'Orlène";
const STOCK = "Magasin DSI, 1 place de la Métropole, Orlène";

/** Tags the other demo parts (loans) and the tests refer to. */
export const DEMO_ASSET_TAGS = {
  cepmSwitch: "DSI-SW-001",
  lentLaptop: "DSI-PC-001",
  crisisKit: "DSI-KIT-001",
  spareKit: "DSI-KIT-002",
  stolenLaptop: "DSI-PC-003",
} as const;

function specs(): Spec[] {
  const list: Spec[] = [];
  const n = (i: number) => String(i).padStart(3, "0");
  const switches: Partial<Spec>[] = [
    {
      status: "lent",
      body: CEPM,
      location: "Baie réseau du rez-de-chaussée, CEPM, 12 rue des Tanneurs, Villeneuve",
    },
    { status: "lent", body: SAINT_AUBIN, location: "Local technique de la mairie, 2 rue de la Mairie" },
    { status: "in_repair", notes: "Port 12 défectueux, retour constructeur." },
    { status: "retired", notes: "Fin de support constructeur." },
  ];
  for (let i = 1; i <= 8; i++)
    list.push({
      tag: `DSI-SW-${n(i)}`,
      kind: "switch",
      manufacturer: "Cisco",
      model: i % 2 ? "Catalyst 1000-24T" : "CBS350-8T",
      ...switches[i - 1],
    });
  const laptops: Partial<Spec>[] = [
    { status: "lent", body: SAINT_AUBIN, location: "Secrétariat de mairie" },
    { status: "lent", body: BELLERIVE, location: "Service de l'état civil" },
    { status: "stolen", body: MONTCLAIR, location: "Médiathèque", notes: "Vol déclaré, plainte déposée." },
    { status: "lost", body: BELLERIVE, location: "Navette des services techniques" },
    { status: "in_repair", notes: "Écran fissuré." },
    { status: "retired" },
  ];
  for (let i = 1; i <= 20; i++)
    list.push({
      tag: `DSI-PC-${n(i)}`,
      kind: "laptop",
      manufacturer: i % 3 ? "Lenovo" : "Dell",
      model: i % 3 ? "ThinkPad E14 Gen 5" : "Latitude 5440",
      ...(laptops[i - 1] ?? {}),
      ...(i >= 11 && i <= 15 ? { kit: "DSI-KIT-001" } : {}),
      ...(i >= 16 ? { kit: "DSI-KIT-002" } : {}),
    });
  for (let i = 1; i <= 8; i++)
    list.push({
      tag: `DSI-4G-${n(i)}`,
      kind: "router_4g",
      manufacturer: "Teltonika",
      model: "RUT241",
      ...(i === 1 ? { kit: "DSI-KIT-001" } : i === 2 ? { kit: "DSI-KIT-002" } : {}),
      ...(i === 3 ? { status: "lent" as const, body: VILLENEUVE, location: "Police municipale" } : {}),
      ...(i === 8 ? { status: "retired" as const } : {}),
    });
  for (let i = 1; i <= 8; i++)
    list.push({
      tag: `DSI-TEL-${n(i)}`,
      kind: "phone",
      manufacturer: "Samsung",
      model: "Galaxy XCover 7",
      ...(i === 1 ? { status: "lent" as const, body: BELLERIVE, location: "Astreinte technique" } : {}),
      ...(i === 2 ? { status: "lent" as const, body: CEPM, location: "Accueil" } : {}),
      ...(i === 3 ? { status: "lost" as const, body: SAINT_AUBIN, location: "Astreinte" } : {}),
      ...(i === 4 ? { status: "in_repair" as const } : {}),
    });
  for (let i = 1; i <= 8; i++)
    list.push({
      tag: `DSI-ECR-${n(i)}`,
      kind: "screen",
      manufacturer: "Iiyama",
      model: 'ProLite XU2493HS 24"',
      ...(i <= 2 ? { status: "lent" as const, body: SAINT_AUBIN, location: "Secrétariat de mairie" } : {}),
      ...(i === 3 ? { status: "lent" as const, body: CEPM, location: "Bureau de la gestionnaire" } : {}),
      ...(i === 8 ? { status: "retired" as const } : {}),
    });
  list.push(
    {
      tag: "DSI-KIT-001",
      kind: "crisis_kit",
      manufacturer: "DSI",
      model: "Kit de crise cyber n° 1",
      status: "reserved",
      body: ROCHE,
      location: STOCK,
      notes: "Réservé pour la commune de Roche-Blanche le mois prochain.",
    },
    { tag: "DSI-KIT-002", kind: "crisis_kit", manufacturer: "DSI", model: "Kit de crise cyber n° 2" },
  );
  const others = [
    "Onduleur APC Back-UPS 700",
    "Imprimante Brother HL-L2350DW",
    "Borne Wi-Fi Ubiquiti U6 Lite",
    "Vidéoprojecteur Epson EB-W49",
  ];
  for (let i = 1; i <= 6; i++) {
    const [manufacturer, ...model] = others[(i - 1) % others.length]!.split(" ");
    list.push({
      tag: `DSI-DIV-${n(i)}`,
      kind: "other",
      manufacturer: manufacturer!,
      model: model.join(" "),
      ...(i === 1
        ? { status: "lent" as const, body: MONTCLAIR, location: "Salle serveur de la mairie" }
        : {}),
      ...(i === 6 ? { status: "retired" as const } : {}),
    });
  }
  return list;
}

const DAY = 86_400_000;
const dateOnly = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00.000Z`);

/** Writes the demo registry; returns how many assets. `technicianId` signs the history. */
export async function seedDemoAssets(
  tx: DbTx,
  opts: { now: Date; technicianId: string | null },
): Promise<number> {
  const r = seededRandom(15);
  const [kinds, bodies] = await Promise.all([
    tx.assetKind.findMany({ select: { id: true, code: true } }),
    tx.body.findMany({ select: { id: true, legalName: true } }),
  ]);
  const kindId = new Map(kinds.map((k) => [k.code, k.id]));
  const bodyId = new Map(bodies.map((b) => [b.legalName, b.id]));
  const all = specs();
  const ids = new Map(all.map((s) => [s.tag, randomUUID()]));
  const kitOf = new Map(all.filter((s) => s.tag.startsWith("DSI-KIT")).map((s) => [s.tag, s]));
  const assets: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  for (const [i, s] of all.entries()) {
    const kit = s.kit ? kitOf.get(s.kit) : undefined;
    // Items follow their kit.
    const status = kit?.status ?? s.status ?? "in_stock";
    const holder = (kit?.body ?? s.body) ? bodyId.get((kit?.body ?? s.body)!)! : null;
    const purchased = dateOnly(new Date(opts.now.getTime() - r.int(450, 1500) * DAY));
    const warrantyYears = s.kind === "laptop" || s.kind === "switch" ? r.int(3, 5) : 2;
    const warrantyEnd = new Date(purchased.getTime() + warrantyYears * 365 * DAY);
    const id = ids.get(s.tag)!;
    const cents: Record<string, number> = {
      switch: 45_000,
      laptop: 89_000,
      router_4g: 24_000,
      phone: 38_000,
      screen: 16_000,
      crisis_kit: 0,
      other: 21_000,
    };
    assets.push({
      id,
      tag: s.tag,
      serialNumber:
        s.kind === "crisis_kit"
          ? null
          : `${s.manufacturer.slice(0, 2).toUpperCase()}${String(4_710_000 + i * 7919).padStart(9, "0")}`,
      kindId: kindId.get(s.kind)!,
      manufacturer: s.manufacturer,
      model: s.model,
      status,
      bodyId: holder,
      location: kit?.location ?? s.location ?? STOCK,
      purchaseDate: purchased.toISOString(),
      purchaseValueCents: s.kind === "crisis_kit" ? null : cents[s.kind]! + r.int(0, 40) * 500,
      warrantyEnd: dateOnly(dateOnly(warrantyEnd)).toISOString(),
      notes: s.notes ?? "",
      kitId: s.kit ? ids.get(s.kit)! : null,
      createdAt: purchased.toISOString(),
      updatedAt: opts.now.toISOString(),
    });
    events.push({
      id: randomUUID(),
      assetId: id,
      kind: "created",
      data: { status: "in_stock", bodyId: null },
      actorId: opts.technicianId,
      createdAt: purchased.toISOString(),
    });
    if (s.kit)
      events.push({
        id: randomUUID(),
        assetId: id,
        kind: "added_to_kit",
        data: { kitId: ids.get(s.kit), tag: s.kit },
        actorId: opts.technicianId,
        createdAt: new Date(purchased.getTime() + DAY).toISOString(),
      });
    if (status !== "in_stock")
      events.push({
        id: randomUUID(),
        assetId: id,
        kind: "status_changed",
        data: {
          from: "in_stock",
          to: status,
          fromBodyId: null,
          toBodyId: holder,
          fields: ["status", "bodyId", "location"],
        },
        actorId: opts.technicianId,
        createdAt: new Date(opts.now.getTime() - r.int(120, 400) * DAY).toISOString(),
      });
  }
  await insertRows(
    tx,
    "Asset",
    assets.filter((a) => a.kitId === null),
  );
  await insertRows(
    tx,
    "Asset",
    assets.filter((a) => a.kitId !== null),
  );
  const accessories = ["DSI-KIT-001", "DSI-KIT-002"].flatMap((kit) => [
    { id: randomUUID(), kitId: ids.get(kit), label: "Câble réseau RJ45 (3 m)", quantity: 6 },
    { id: randomUUID(), kitId: ids.get(kit), label: "Chargeur secteur", quantity: 5 },
    { id: randomUUID(), kitId: ids.get(kit), label: "Multiprise parafoudre", quantity: 1 },
    { id: randomUUID(), kitId: ids.get(kit), label: "Clé USB de démarrage", quantity: 2 },
  ]);
  await insertRows(tx, "KitAccessory", accessories);
  await insertRows(tx, "AssetEvent", events);
  // A few fault tickets of the holding bodies name the asset concerned.
  const linked = await tx.$queryRaw<
    { ticketId: string; assetId: string; number: string; receivedAt: Date }[]
  >`
    WITH held AS (
      SELECT a."id" AS "assetId", a."bodyId", row_number() OVER (PARTITION BY a."bodyId" ORDER BY a."tag") AS n
      FROM "Asset" a WHERE a."status" = 'lent' AND a."kitId" IS NULL
    ), picked AS (
      SELECT DISTINCT ON (h."assetId") t."id" AS "ticketId", h."assetId", t."number", t."receivedAt"
      FROM held h JOIN LATERAL (
        SELECT t."id", t."number", t."receivedAt" FROM "Ticket" t
        WHERE t."bodyId" = h."bodyId" AND t."category" = 'fault' AND t."assetId" IS NULL
        ORDER BY t."receivedAt" DESC OFFSET (h.n - 1) LIMIT 1
      ) t ON true
      WHERE h.n <= 2
    )
    UPDATE "Ticket" t SET "assetId" = p."assetId" FROM picked p WHERE t."id" = p."ticketId"
    RETURNING t."id" AS "ticketId", p."assetId", t."number", t."receivedAt"`;
  await insertRows(
    tx,
    "AssetEvent",
    linked.map((l) => ({
      id: randomUUID(),
      assetId: l.assetId,
      kind: "ticket_linked",
      data: { ticketId: l.ticketId, number: l.number },
      actorId: null,
      createdAt: l.receivedAt.toISOString(),
    })),
  );
  return assets.length;
}
