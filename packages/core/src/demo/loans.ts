// Demo loans: their own assets (tags « PRT- »), then loans in every state through the loans domain's
// own functions, so that what the screens show is what the domain writes: the switch installed at the
// CEPM with its signed inventory and test sheet, a switch returned with one cable missing, a 4G router
// stolen with the insurer claim pending, a crisis kit reserved for next month, and the other states.
import { randomUUID } from "node:crypto";
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { localToday } from "../conventions/index.ts";
import {
  cancelLoan,
  createLoan,
  declareLoss,
  getLoan,
  reserveAsset,
  saveInventory,
  saveReturn,
  setClaimStatus,
  recordRemedy,
  signOff,
  startReturn,
  startService,
} from "../loans/index.ts";
import { render } from "../notifications/index.ts";
import { nextCounter } from "../shared/counter.ts";
import { fromDateOnly } from "../shared/dates.ts";

export const LOANS_MARKER = "demo-loans";

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function actorOf(db: Db, email: string): Promise<Actor | null> {
  const u = await db.user.findUnique({ where: { email }, include: { memberships: true } });
  return u
    ? {
        userId: u.id,
        name: u.name,
        role: u.role,
        bodyIds: u.memberships.map((m) => m.bodyId),
        activeBodyId: null,
      }
    : null;
}

/** Seeds the demo loans once (after the base demo); safe to call again. */
export async function seedDemoLoans(
  db: Db,
  now = new Date(),
  baseUrl = "http://localhost:3000",
): Promise<boolean> {
  if (await db.appMeta.findUnique({ where: { key: LOANS_MARKER } })) return false;
  if (await db.loan.findFirst({ select: { id: true } })) return false;
  const tech = await actorOf(db, "tech@val-orlene.example");
  const body = (name: string) =>
    db.body.findFirst({ where: { legalName: { startsWith: name } }, select: { id: true } });
  const [cepm, bellerive, ccas, saintAubin] = await Promise.all([
    body("Caisse d'entraide"),
    body("Commune de Bellerive"),
    body("CCAS de Villeneuve"),
    body("Commune de Saint-Aubin"),
  ]);
  if (!tech || !cepm || !bellerive || !ccas || !saintAubin) return false;
  const agents = {
    cepm: (await actorOf(db, "agent@cepm.example"))!,
    bellerive: (await actorOf(db, "agent@bellerive.example"))!,
    ccas: (await actorOf(db, "agent@ccas-villeneuve.example"))!,
    saintAubin: (await actorOf(db, "agent@saint-aubin.example"))!,
  };
  const today = localToday(now);
  const t0 = Date.parse(`${today}T00:00:00Z`);
  const year = Number(today.slice(0, 4));

  // The CEPM lends a switch under a convention of its own ("Prêt de matériel").
  const convention = async (bodyId: string) =>
    db.convention.findFirst({ where: { signatoryBodyId: bodyId, status: "active" }, select: { id: true } });
  let cepmConvention = await convention(cepm.id);
  if (!cepmConvention) {
    const n = await db.$transaction((tx) => nextCounter(tx, `convention:${year}`));
    cepmConvention = await db.convention.create({
      data: {
        number: `CONV-${year}-${String(n).padStart(4, "0")}`,
        title: "Mise à disposition d'un commutateur réseau",
        deliberationRef: `VDO-212-1405/${String(year).slice(2)}/BM`,
        signatoryBodyId: cepm.id,
        communeBodyId: cepm.id,
        status: "active",
        startDate: fromDateOnly(`${year - 1}-01-01`),
        endDate: fromDateOnly(`${year + 2}-12-31`),
        versions: {
          create: [
            { number: 1, label: "initial", effectiveFrom: fromDateOnly(`${year - 1}-01-01`), signedAt: now },
          ],
        },
      },
      select: { id: true },
    });
  }
  const conventions = {
    cepm: cepmConvention.id,
    bellerive: (await convention(bellerive.id))?.id,
    ccas: (await convention(ccas.id))?.id,
    saintAubin: (await convention(saintAubin.id))?.id,
  };
  if (!conventions.bellerive || !conventions.ccas || !conventions.saintAubin) return false;

  // Assets of the loans (the registry's own demo adds the rest).
  const kinds = new Map(
    (await db.assetKind.findMany({ select: { id: true, code: true } })).map((k) => [k.code, k.id]),
  );
  const assets: {
    id: string;
    tag: string;
    kind: string;
    manufacturer: string;
    model: string;
    kitId: string | null;
  }[] = [];
  const add = (
    tag: string,
    kind: string,
    manufacturer: string,
    model: string,
    kitId: string | null = null,
  ) => {
    const a = { id: randomUUID(), tag, kind, model, kitId, manufacturer };
    assets.push(a);
    return a.id;
  };
  const sw1 = add("PRT-SW-0001", "switch", "Netgear", "GS724T");
  const sw2 = add("PRT-SW-0002", "switch", "Netgear", "GS108");
  // In stock, ready to lend.
  for (let i = 3; i <= 6; i++) add(`PRT-SW-000${i}`, "switch", "Netgear", "GS724T");
  const rt1 = add("PRT-4G-0001", "router_4g", "Huawei", "B535");
  const pc = [1, 2, 3, 4].map((i) => add(`PRT-PC-000${i}`, "laptop", "Lenovo", "ThinkPad E14"));
  const ec1 = add("PRT-EC-0001", "screen", "Iiyama", "ProLite 24");
  const ph1 = add("PRT-PH-0001", "phone", "Samsung", "Galaxy A35");
  const kit = add("PRT-KIT-0001", "crisis_kit", "DSI", "Kit de crise cyber");
  for (let i = 1; i <= 5; i++) add(`PRT-KIT-0001-PC${i}`, "laptop", "Dell", "Latitude 5440", kit);
  add("PRT-KIT-0001-4G", "router_4g", "Netgear", "Nighthawk M6", kit);
  // Kits and items first (an item refers to its kit).
  await db.asset.createMany({
    data: assets.map((a) => ({
      id: a.id,
      tag: a.tag,
      serialNumber: `SN-${a.tag.slice(4)}-${a.id.slice(0, 6).toUpperCase()}`,
      kindId: kinds.get(a.kind)!,
      manufacturer: a.manufacturer,
      model: a.model,
      location: "DSI — magasin",
    })),
    skipDuplicates: true,
  });
  for (const a of assets.filter((x) => x.kitId))
    await db.asset.update({ where: { id: a.id }, data: { kitId: a.kitId } });
  await db.kitAccessory.createMany({
    data: [
      { kitId: kit, label: "Câble RJ45", quantity: 5 },
      { kitId: kit, label: "Chargeur", quantity: 5 },
    ],
  });

  const lend = (
    bodyId: string,
    conventionId: string,
    assetIds: string[],
    start: number,
    end: number,
    address: string,
  ) =>
    createLoan(
      db,
      tech,
      {
        bodyId,
        conventionId,
        assetIds,
        startDate: iso(start),
        endDate: iso(end),
        address,
        contactName: "Agent d'accueil",
        contactPhone: "02 38 00 00 00",
      },
      new Date(start),
    );
  const fill = async (loanId: string, cables: number, at: Date) => {
    const loan = await getLoan(db, tech, loanId, at);
    const inv = loan.documents[0]!.inventory!;
    await saveInventory(db, tech, {
      loanId,
      items: inv.items.map((i) => ({
        assetId: i.assetId,
        condition: "good",
        accessories: cables ? `${cables} câbles RJ45` : "",
        remark: "",
      })),
      accessories: cables
        ? [...inv.accessories, { label: "Câble RJ45", quantity: cables, remark: "" }]
        : inv.accessories,
      tests: inv.tests.map((x) => ({ ...x, result: "ok" as const, remark: "" })),
    });
  };
  const signBoth = async (
    loanId: string,
    agent: Actor,
    at: Date,
    kind: "inventory" | "return_report" = "inventory",
  ) => {
    const doc = (await getLoan(db, tech, loanId, at)).documents.filter((d) => d.kind === kind).at(-1)!;
    await signOff(db, tech, { documentId: doc.id, sha256: doc.sha256 }, { now: at });
    await signOff(
      db,
      agent,
      { documentId: doc.id, sha256: doc.sha256 },
      { now: new Date(at.getTime() + 3600_000) },
    );
  };

  // 1. The switch installed at the CEPM, inventory and test sheet signed by both, in service.
  const cepmLoan = await lend(
    cepm.id,
    conventions.cepm,
    [sw1],
    t0 - 60 * DAY,
    t0 + 300 * DAY,
    "5 cours Jean-Moulin, local technique",
  );
  await fill(cepmLoan.id, 2, new Date(t0 - 61 * DAY));
  await signBoth(cepmLoan.id, agents.cepm, new Date(t0 - 60 * DAY));
  await startService(db, tech, cepmLoan.id, new Date(t0 - 60 * DAY + 7200_000));

  // 2. A switch returned to Bellerive's DSI with one cable missing.
  const back = await lend(
    bellerive.id,
    conventions.bellerive,
    [sw2],
    t0 - 200 * DAY,
    t0 - 20 * DAY,
    "Mairie, salle serveur",
  );
  await fill(back.id, 2, new Date(t0 - 201 * DAY));
  await signBoth(back.id, agents.bellerive, new Date(t0 - 200 * DAY));
  await startService(db, tech, back.id, new Date(t0 - 200 * DAY));
  await startReturn(db, tech, back.id);
  await saveReturn(db, tech, {
    loanId: back.id,
    items: [
      {
        assetId: sw2,
        outcome: "same",
        remark: "",
        wipeMethod: "Réinitialisation usine",
        wipeBy: tech.name,
        wipeAt: iso(t0 - 20 * DAY),
      },
    ],
    accessories: [{ label: "Câble RJ45", returned: 1, remark: "Un câble non retrouvé lors du démontage" }],
  });
  await signBoth(back.id, agents.bellerive, new Date(t0 - 20 * DAY), "return_report");

  // 3. A 4G router stolen at the CCAS, declared in time, insurer claim pending.
  const stolen = await lend(
    ccas.id,
    conventions.ccas,
    [rt1],
    t0 - 40 * DAY,
    t0 + 140 * DAY,
    "Accueil du CCAS",
  );
  await fill(stolen.id, 0, new Date(t0 - 41 * DAY));
  await signBoth(stolen.id, agents.ccas, new Date(t0 - 40 * DAY));
  await startService(db, tech, stolen.id, new Date(t0 - 40 * DAY));
  const theft = await declareLoss(
    db,
    agents.ccas,
    {
      loanId: stolen.id,
      kind: "theft",
      assetIds: [rt1],
      discoveredAt: new Date(t0 - 3 * DAY + 8 * 3600_000),
      circumstances: "Porte de l'accueil forcée pendant la nuit ; le routeur a disparu de son support.",
      policeReportRef: "PV 2026/004512",
    },
    new Date(t0 - 3 * DAY + 14 * 3600_000),
  );
  await setClaimStatus(db, tech, { declarationId: theft.id, claimStatus: "declared" });

  // 4. The crisis kit reserved for next month.
  await reserveAsset(
    db,
    tech,
    {
      assetId: kit,
      bodyId: saintAubin.id,
      startDate: iso(t0 + 30 * DAY),
      endDate: iso(t0 + 44 * DAY),
      purpose: "Exercice de crise cyber",
    },
    now,
  );

  // 5. The other states: a draft, an inventory signed, a return in progress, a loss, a cancelled loan.
  await lend(
    saintAubin.id,
    conventions.saintAubin,
    [ec1],
    t0 + 5 * DAY,
    t0 + 90 * DAY,
    "Mairie, bureau de l'urbanisme",
  );
  const signedOnly = await lend(
    ccas.id,
    conventions.ccas,
    [pc[0]!],
    t0 + 2 * DAY,
    t0 + 60 * DAY,
    "CCAS, bureau des aides",
  );
  await signBoth(signedOnly.id, agents.ccas, new Date(t0 - DAY));
  const returning = await lend(
    bellerive.id,
    conventions.bellerive,
    [pc[1]!],
    t0 - 90 * DAY,
    t0 + 6 * DAY,
    "Médiathèque",
  );
  await signBoth(returning.id, agents.bellerive, new Date(t0 - 90 * DAY));
  await startService(db, tech, returning.id, new Date(t0 - 90 * DAY));
  await startReturn(db, tech, returning.id);
  const lost = await lend(
    saintAubin.id,
    conventions.saintAubin,
    [ph1],
    t0 - 120 * DAY,
    t0 + 30 * DAY,
    "Police municipale",
  );
  await signBoth(lost.id, agents.saintAubin, new Date(t0 - 120 * DAY));
  await startService(db, tech, lost.id, new Date(t0 - 120 * DAY));
  const loss = await declareLoss(
    db,
    agents.saintAubin,
    {
      loanId: lost.id,
      kind: "loss",
      assetIds: [ph1],
      discoveredAt: new Date(t0 - 15 * DAY),
      circumstances: "Téléphone oublié lors d'une intervention, introuvable depuis.",
    },
    new Date(t0 - 13 * DAY),
  );
  await setClaimStatus(db, tech, { declarationId: loss.id, claimStatus: "refused" });
  await recordRemedy(
    db,
    tech,
    {
      declarationId: loss.id,
      remedy: "replacement",
      replacementSerial: "R58W70ABCDE",
      remedyNote: "Remplacé par un modèle équivalent.",
    },
    now,
  );
  const cancelled = await lend(
    saintAubin.id,
    conventions.saintAubin,
    [pc[2]!],
    t0 + 10 * DAY,
    t0 + 20 * DAY,
    "École",
  );
  await cancelLoan(db, tech, cancelled.id, now);
  // An agent's laptop in service, ending in a week.
  const soon = await lend(
    saintAubin.id,
    conventions.saintAubin,
    [pc[3]!],
    t0 - 30 * DAY,
    t0 + 7 * DAY,
    "Mairie, accueil",
  );
  await signBoth(soon.id, agents.saintAubin, new Date(t0 - 30 * DAY));
  await startService(db, tech, soon.id, new Date(t0 - 30 * DAY));

  // The alerts of the demo's past losses were sent at the time: shown in the mailbox, not sent again.
  const queued = await db.outboxMessage.findMany({
    where: { status: "pending", dedupKey: { startsWith: "loan." } },
  });
  for (const m of queued) {
    const content = render({ template: m.template, locale: m.locale, data: m.data as never }, baseUrl);
    await db.outboxMessage.update({
      where: { id: m.id },
      data: {
        status: "sent",
        attempts: 1,
        sentAt: m.createdAt,
        subject: content.subject,
        text: content.text,
      },
    });
  }
  await db.appMeta.create({ data: { key: LOANS_MARKER, value: { seededAt: now.toISOString() } } });
  return true;
}
