// Demo calendars, default service terms and conventions (fictitious deliberation references).
// Written with plain Prisma calls: the seed sits below the domain services.
import type { Channel, Priority, Prisma, TimeBasis } from "../../generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;
const H = 60;
const PRIORITIES: Priority[] = ["critical", "high", "medium", "low"];
const day = (s: string) => new Date(`${s}T00:00:00.000Z`);

const weeklyOffice = Object.fromEntries(
  ["1", "2", "3", "4", "5"].map((d) => [
    d,
    [
      { from: "08:30", to: "12:00" },
      { from: "13:30", to: "17:30" },
    ],
  ]),
);
const weeklyAlways = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), [{ from: "00:00", to: "24:00" }]]),
);

/** Targets (hours) per priority: [intervention, resolution]. */
type Matrix = Record<Priority, [number, number]>;
const standard: Matrix = { critical: [4, 8], high: [12, 24], medium: [24, 40], low: [40, 80] };

function targets(m: Matrix, basis: TimeBasis, warningPercent = 75) {
  return PRIORITIES.map((priority) => ({
    priority,
    interventionMinutes: m[priority][0] * H,
    interventionBasis: basis,
    resolutionMinutes: m[priority][1] * H,
    resolutionBasis: basis,
    warningPercent,
  }));
}

interface TermsSpec {
  calendarId: string | null;
  channels: Channel[];
  equipment?: string;
  matrix: Matrix;
  basis: TimeBasis;
}
const termSet = (serviceId: string, s: TermsSpec) => ({
  serviceId,
  calendarId: s.calendarId,
  channels: s.channels,
  equipmentCovered: s.equipment ?? "",
  targets: { create: targets(s.matrix, s.basis) },
});

export async function seedConventions(tx: Tx, bodies: Map<string, string>, now: Date): Promise<void> {
  const y = now.getUTCFullYear();
  const services = new Map(
    (await tx.service.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]),
  );
  const svc = (code: string) => services.get(code)!;

  const dsi = await tx.businessCalendar.create({
    data: {
      name: "Horaires de la DSI",
      timeZone: "Europe/Paris",
      holidayZone: "metropole",
      weekly: weeklyOffice,
      closures: {
        create: [
          {
            startDate: day(`${y}-12-24`),
            endDate: day(`${y}-12-24`),
            label: "Fermeture de la veille de Noël",
          },
        ],
      },
    },
  });
  await tx.businessCalendar.create({
    data: { name: "Astreinte 24 h/24", timeZone: "Europe/Paris", holidayZone: "none", weekly: weeklyAlways },
  });
  await tx.businessCalendar.create({
    data: {
      name: "Antenne Alsace-Moselle (exemple)",
      timeZone: "Europe/Paris",
      holidayZone: "alsace_moselle",
      weekly: weeklyOffice,
    },
  });

  // Default terms for every service: business hours on the DSI calendar, portal and e-mail.
  for (const id of services.values()) {
    await tx.termSet.create({
      data: termSet(id, {
        calendarId: dsi.id,
        channels: ["portal", "email"],
        matrix: { critical: [8, 16], high: [16, 40], medium: [40, 80], low: [80, 160] },
        basis: "business",
      }),
    });
  }

  let n = 0;
  const number = () => `CONV-${y}-${String(++n).padStart(4, "0")}`;
  const signed = now;
  const all: Channel[] = ["portal", "email", "phone", "letter"];

  // Saint-Aubin: two services, tacit renewal; an amendment cut the "high" intervention from 12 h to 8 h.
  await tx.convention.create({
    data: {
      number: number(),
      title: "Adhésion aux services numériques mutualisés",
      deliberationRef: `VDO-045-1203/${String(y - 3).slice(2)}/BM`,
      signatoryBodyId: bodies.get("saint-aubin")!,
      communeBodyId: bodies.get("saint-aubin")!,
      status: "active",
      startDate: day(`${y - 3}-01-01`),
      endDate: day(`${y + 1}-12-31`),
      renewalRule: "tacit",
      renewalYears: 3,
      noticeMonths: 4,
      versions: {
        create: [
          {
            number: 1,
            label: "initial",
            effectiveFrom: day(`${y - 3}-01-01`),
            deliberationRef: `VDO-045-1203/${String(y - 3).slice(2)}/BM`,
            signedAt: signed,
            termSets: {
              create: [
                termSet(svc("PELEHAS"), {
                  calendarId: dsi.id,
                  channels: all,
                  matrix: standard,
                  basis: "business",
                }),
                termSet(svc("USINE-SITES"), {
                  calendarId: dsi.id,
                  channels: ["portal", "email"],
                  matrix: standard,
                  basis: "business",
                }),
              ],
            },
          },
          {
            number: 2,
            label: "amendment",
            effectiveFrom: day(`${y - 1}-07-01`),
            deliberationRef: `VDO-112-0606/${String(y - 1).slice(2)}/BM`,
            summary: "Délai d'intervention ramené de 12 h à 8 h ouvrées pour la priorité haute.",
            signedAt: signed,
            termSets: {
              create: [
                termSet(svc("PELEHAS"), {
                  calendarId: dsi.id,
                  channels: all,
                  matrix: { ...standard, high: [8, 24] },
                  basis: "business",
                }),
                termSet(svc("USINE-SITES"), {
                  calendarId: dsi.id,
                  channels: ["portal", "email"],
                  matrix: { ...standard, high: [8, 24] },
                  basis: "business",
                }),
              ],
            },
          },
        ],
      },
    },
  });

  // CCAS de Villeneuve: 12 h round the clock (clock hours), e-administration.
  await tx.convention.create({
    data: {
      number: number(),
      title: "Convention d'accès à l'e-administration",
      deliberationRef: `VDO-014-1807/${String(y - 1).slice(2)}/BM`,
      signatoryBodyId: bodies.get("ccas-villeneuve")!,
      communeBodyId: bodies.get("villeneuve")!,
      status: "active",
      startDate: day(`${y - 1}-09-01`),
      endDate: day(`${y + 2}-08-31`),
      renewalRule: "explicit",
      noticeMonths: 4,
      versions: {
        create: [
          {
            number: 1,
            label: "initial",
            effectiveFrom: day(`${y - 1}-09-01`),
            deliberationRef: `VDO-014-1807/${String(y - 1).slice(2)}/BM`,
            signedAt: signed,
            termSets: {
              create: [
                termSet(svc("E-ADMIN"), {
                  calendarId: null,
                  channels: all,
                  matrix: { critical: [4, 12], high: [12, 36], medium: [24, 72], low: [48, 120] },
                  basis: "clock",
                }),
              ],
            },
          },
        ],
      },
    },
  });

  // Bellerive: network and GIS, explicit renewal, ends soon (shows up for managers).
  await tx.convention.create({
    data: {
      number: number(),
      title: "Raccordement réseau, messagerie et SIG",
      deliberationRef: `VDO-088-2211/${String(y - 3).slice(2)}/BM`,
      signatoryBodyId: bodies.get("bellerive")!,
      communeBodyId: bodies.get("bellerive")!,
      status: "active",
      startDate: day(`${y - 3}-04-01`),
      endDate: day(`${y + 1}-03-31`),
      renewalRule: "explicit",
      noticeMonths: 4,
      versions: {
        create: [
          {
            number: 1,
            label: "initial",
            effectiveFrom: day(`${y - 3}-04-01`),
            deliberationRef: `VDO-088-2211/${String(y - 3).slice(2)}/BM`,
            signedAt: signed,
            termSets: {
              create: [
                termSet(svc("RESEAU"), {
                  calendarId: dsi.id,
                  channels: all,
                  equipment: "Commutateur 24 ports installé en mairie (local technique)",
                  matrix: standard,
                  basis: "business",
                }),
                termSet(svc("SIGMA"), {
                  calendarId: dsi.id,
                  channels: ["portal", "email"],
                  matrix: standard,
                  basis: "business",
                }),
              ],
            },
          },
        ],
      },
    },
  });

  // Montclair: crisis equipment lending, still a draft.
  await tx.convention.create({
    data: {
      number: number(),
      title: "Prêt de matériel en cas de crise cyber",
      deliberationRef: `VDO-131-0910/${String(y).slice(2)}/BM`,
      signatoryBodyId: bodies.get("montclair")!,
      communeBodyId: bodies.get("montclair")!,
      status: "draft",
      startDate: day(`${y + 1}-01-01`),
      endDate: day(`${y + 3}-12-31`),
      renewalRule: "none",
      noticeMonths: 4,
      versions: {
        create: [
          {
            number: 1,
            label: "initial",
            effectiveFrom: day(`${y + 1}-01-01`),
            termSets: {
              create: [
                termSet(svc("PRET-CYBER"), {
                  calendarId: dsi.id,
                  channels: ["phone", "email"],
                  equipment: "Kit de crise : 10 postes, 1 commutateur, 1 pare-feu",
                  matrix: standard,
                  basis: "business",
                }),
              ],
            },
          },
        ],
      },
    },
  });

  // CIAS: ended by notice.
  await tx.convention.create({
    data: {
      number: number(),
      title: "Archivage électronique",
      deliberationRef: `VDO-067-0304/${String(y - 4).slice(2)}/BM`,
      signatoryBodyId: bodies.get("cias")!,
      communeBodyId: bodies.get("montclair")!,
      status: "terminated",
      startDate: day(`${y - 4}-01-01`),
      endDate: day(`${y - 1}-12-31`),
      renewalRule: "none",
      noticeMonths: 4,
      noticeGivenOn: day(`${y - 2}-05-15`),
      noticeGivenBy: "partner (lettre recommandée)",
      noticeEffectiveOn: day(`${y - 2}-09-15`),
      terminatedOn: day(`${y - 2}-09-15`),
      versions: {
        create: [
          {
            number: 1,
            label: "initial",
            effectiveFrom: day(`${y - 4}-01-01`),
            signedAt: signed,
            termSets: {
              create: [
                termSet(svc("ARCHIVAGE"), {
                  calendarId: dsi.id,
                  channels: ["portal"],
                  matrix: standard,
                  basis: "business",
                }),
              ],
            },
          },
        ],
      },
    },
  });
  await tx.counter.upsert({
    where: { key: `convention:${y}` },
    create: { key: `convention:${y}`, value: n },
    update: { value: n },
  });
}
