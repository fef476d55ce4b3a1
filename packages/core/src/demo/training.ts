// Training demo: a catalogue of courses over the demo services, sessions held (attendance per
// half-day, signed sheets, ratings), sessions this month (one full with a waitlist, a cancelled one,
// one dedicated to a commune), and SIG-M@ conventions for two more communes whose included training
// days are nearly used up. Written in the demo history's transaction, with bulk inserts.
import { randomUUID } from "node:crypto";
import type { DbTx } from "@mutuo/db";
import { nextCounter } from "../shared/counter.ts";
import { addDays, isoDate, isoWeekday, parseIsoDate } from "../sla/index.ts";
import { localDate, localSlot, slotInstants, type Slot } from "../training/index.ts";
import { FIRST_NAMES, LAST_NAMES } from "./texts.ts";

const COURSES = [
  ["SIGMA", "Initiation SIG-M@", "Consulter les plans, rechercher une parcelle, imprimer un extrait.", 4],
  [
    "SIGMA",
    "SIG-M@ : cadastre et urbanisme",
    "Croiser le cadastre et le PLU, préparer un certificat d'urbanisme.",
    3,
  ],
  [
    "PELEHAS",
    "Pelehas mode web : prise en main",
    "Enregistrer une demande de logement social et la suivre.",
    2,
  ],
  [
    "PELEHAS",
    "Pelehas : attributions et commission",
    "Préparer la commission d'attribution et ses comptes rendus.",
    2,
  ],
  [
    "USINE-SITES",
    "Usine à sites : publier ses pages",
    "Mettre à jour le site de la commune : pages, actualités, agenda.",
    2,
  ],
  [
    "E-ADMIN",
    "E-administration : démarches en ligne",
    "Paramétrer et traiter les démarches en ligne des usagers.",
    2,
  ],
  [
    "RESEAU",
    "Sécurité du poste de travail",
    "Reconnaître un hameçonnage, protéger ses mots de passe, réagir.",
    1,
  ],
  ["CARTADS", "Cart@DS : instruction des permis", "Instruire une déclaration préalable de bout en bout.", 2],
] as const;

/** A working day `offset` days from today (Europe/Paris), moved to the next Monday from a weekend. */
function workday(now: Date, offset: number): string {
  let d = addDays(parseIsoDate(localDate(now)), offset);
  while (isoWeekday(d) > 5) d = addDays(d, 1);
  return isoDate(d);
}

/** Half-day slots: 09:00–12:30 and 13:30–17:00 on consecutive working days. */
function halfDays(now: Date, offset: number, count: number): Slot[] {
  const out: Slot[] = [];
  let day = workday(now, offset);
  for (let i = 0; i < count; i++) {
    const morning = i % 2 === 0;
    out.push(
      slotInstants({ date: day, start: morning ? "09:00" : "13:30", end: morning ? "12:30" : "17:00" }),
    );
    if (!morning) day = workday(new Date(`${day}T12:00:00Z`), 1);
  }
  return out;
}

export async function seedTrainingDemo(tx: DbTx, now: Date): Promise<number> {
  const services = new Map(
    (await tx.service.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]),
  );
  const bodyOf = async (email: string) =>
    (
      await tx.membership.findFirst({
        where: { user: { email }, body: { kind: "commune" } },
        select: { bodyId: true },
      })
    )?.bodyId ?? null;
  const bellerive = await bodyOf("agent@bellerive.example");
  const villeneuve = await bodyOf("agent@villeneuve.example");
  const saintAubin = await bodyOf("agent@saint-aubin.example");
  const sigma = services.get("SIGMA");
  const tech = await tx.user.findFirst({ where: { email: "tech@val-orlene.example" }, select: { id: true } });
  if (!bellerive || !villeneuve || !saintAubin || !sigma || !tech) return 0;
  const y = now.getUTCFullYear();

  // Two more communes join SIG-M@ (training days included); Bellerive's SIG-M@ terms include some too.
  const calendar = await tx.businessCalendar.findFirst({ select: { id: true } });
  for (const [bodyId, days, ref] of [
    [villeneuve, 4, "VDO-204"],
    [saintAubin, 10, "VDO-205"],
  ] as const) {
    const number = `CONV-${y}-${String(await nextCounter(tx, `convention:${y}`)).padStart(4, "0")}`;
    await tx.convention.create({
      data: {
        number,
        title: "Adhésion au SIG mutualisé SIG-M@ et formations",
        deliberationRef: `${ref}-0302/${String(y - 1).slice(2)}/BM`,
        signatoryBodyId: bodyId,
        communeBodyId: bodyId,
        status: "active",
        startDate: new Date(`${y - 1}-01-01T00:00:00Z`),
        endDate: new Date(`${y + 2}-12-31T00:00:00Z`),
        versions: {
          create: {
            number: 1,
            label: "initial",
            effectiveFrom: new Date(`${y - 1}-01-01T00:00:00Z`),
            signedAt: new Date(`${y - 2}-12-15T10:00:00Z`),
            termSets: {
              create: {
                serviceId: sigma,
                calendarId: calendar?.id ?? null,
                channels: ["portal", "email"],
                trainingDaysIncluded: days,
                targets: {
                  create: (["critical", "high", "medium", "low"] as const).map((priority, i) => ({
                    priority,
                    interventionMinutes: [4, 8, 16, 40][i]! * 60,
                    interventionBasis: "business" as const,
                    resolutionMinutes: [8, 24, 40, 80][i]! * 60,
                    resolutionBasis: "business" as const,
                  })),
                },
              },
            },
          },
        },
      },
    });
  }
  await tx.termSet.updateMany({
    where: { serviceId: sigma, version: { convention: { signatoryBodyId: bellerive } } },
    data: { trainingDaysIncluded: 12 },
  });
  await tx.termSet.updateMany({
    where: { serviceId: services.get("PELEHAS"), version: { convention: { signatoryBodyId: saintAubin } } },
    data: { trainingDaysIncluded: 6 },
  });

  const courseIds: string[] = [];
  const courseRows = COURSES.filter(([code]) => services.has(code)).map(([code, title, objectives, half]) => {
    const id = randomUUID();
    courseIds.push(id);
    return {
      id,
      serviceId: services.get(code)!,
      title,
      objectives,
      audience: "Agents des organismes adhérents utilisant le service",
      prerequisites: half > 2 ? "Avoir un compte sur le service" : "",
      durationHalfDays: half,
      format: code === "USINE-SITES" ? ("remote" as const) : ("on_site" as const),
      defaultCapacity: 8,
    };
  });
  await tx.trainingCourse.createMany({ data: courseRows });
  const course = (title: string) => courseRows.find((c) => c.title === title);

  const agents = async (bodyId: string) =>
    (
      await tx.membership.findMany({
        where: { bodyId, user: { role: "agent", active: true } },
        select: { user: { select: { id: true, email: true } } },
        orderBy: { user: { email: "asc" } },
      })
    )
      .map((m) => m.user)
      // The demo accounts stay free for people trying the app.
      .filter((u) => !u.email.startsWith("agent@"));
  // Trainees: the history gives each body one or two agents; the sessions need a room's worth, so
  // the bodies that train get colleagues (fictitious, invited, no password) up to ten each.
  const trainees = async (bodyId: string, want: number) => {
    const list = await agents(bodyId);
    const domain = (
      await tx.membership.findFirst({
        where: { bodyId, user: { role: "agent" } },
        select: { user: { select: { email: true } } },
      })
    )?.user.email.split("@")[1];
    for (let i = 0; list.length < want && domain; i++) {
      const first = FIRST_NAMES[(i * 7 + list.length * 3) % FIRST_NAMES.length]!;
      const last = LAST_NAMES[(i * 11 + bodyId.charCodeAt(0)) % LAST_NAMES.length]!;
      const email = `${first}.${last}.${i}@${domain}`
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9.@-]+/g, "-");
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) continue;
      const user = await tx.user.create({
        data: {
          email,
          name: `${first} ${last}`,
          role: "agent",
          memberships: { create: { bodyId } },
        },
        select: { id: true, email: true },
      });
      list.push(user);
    }
    return list;
  };
  const people = {
    bellerive: await trainees(bellerive, 10),
    villeneuve: await trainees(villeneuve, 4),
    saintAubin: await trainees(saintAubin, 10),
  };

  type Plan = {
    course: string;
    offset: number;
    capacity: number;
    status: "open" | "full" | "held" | "cancelled";
    dedicatedBodyId?: string;
    regs: { userId: string; bodyId: string }[];
    waitlisted?: number;
    remote?: boolean;
  };
  const take = (list: { id: string }[], bodyId: string, from: number, n: number) =>
    list.slice(from, from + n).map((u) => ({ userId: u.id, bodyId }));
  const plans: Plan[] = [
    {
      course: "Initiation SIG-M@",
      offset: -45,
      capacity: 8,
      status: "held",
      regs: [
        ...take(people.bellerive, bellerive, 0, 3),
        ...take(people.villeneuve, villeneuve, 0, 1),
        ...take(people.saintAubin, saintAubin, 0, 2),
      ],
    },
    {
      course: "Pelehas mode web : prise en main",
      offset: -20,
      capacity: 8,
      status: "held",
      regs: take(people.saintAubin, saintAubin, 2, 4),
    },
    {
      course: "SIG-M@ : cadastre et urbanisme",
      offset: -10,
      capacity: 6,
      status: "held",
      dedicatedBodyId: villeneuve,
      regs: take(people.villeneuve, villeneuve, 1, 3),
    },
    {
      course: "Initiation SIG-M@",
      offset: 7,
      capacity: 6,
      status: "full",
      regs: [...take(people.bellerive, bellerive, 3, 4), ...take(people.saintAubin, saintAubin, 6, 4)],
      waitlisted: 2,
    },
    {
      course: "Usine à sites : publier ses pages",
      offset: 12,
      capacity: 10,
      status: "open",
      remote: true,
      regs: take(people.saintAubin, saintAubin, 10, 2),
    },
    {
      course: "E-administration : démarches en ligne",
      offset: 5,
      capacity: 8,
      status: "cancelled",
      regs: [],
    },
    {
      course: "Sécurité du poste de travail",
      offset: 15,
      capacity: 10,
      status: "open",
      dedicatedBodyId: bellerive,
      regs: take(people.bellerive, bellerive, 7, 3),
    },
    { course: "Pelehas : attributions et commission", offset: 20, capacity: 8, status: "open", regs: [] },
  ];

  const registrations: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const attendances: Record<string, unknown>[] = [];
  const surveys: Record<string, unknown>[] = [];
  let n = 0;
  for (const [k, p] of plans.entries()) {
    const c = course(p.course);
    if (!c) continue;
    const slots = halfDays(now, p.offset, c.durationHalfDays);
    const number = `FORM-${y}-${String(await nextCounter(tx, `training-${y}`)).padStart(4, "0")}`;
    const slotRows = slots.map((s, i) => ({
      id: randomUUID(),
      ...s,
      checkInCode: `D${k}${i}${"ABCDEFGH"[i % 8]}${"KMNPQR"[k % 6]}X`.slice(0, 6),
      signedAt: p.status === "held" ? new Date(+s.endsAt + 10 * 60_000) : null,
      signedById: p.status === "held" ? tech.id : null,
      signedByName: p.status === "held" ? "Nadia Belkacem" : null,
    }));
    const session = await tx.trainingSession.create({
      data: {
        number,
        courseId: c.id,
        status: p.status,
        address: p.remote ? "" : "Hôtel de la Métropole, 2 rue des Tanneurs",
        room: p.remote ? "" : k % 2 ? "Salle Orlène" : "Salle informatique 2",
        remoteLink: p.remote ? "https://visio.val-orlene.example/formation-usine-a-sites" : "",
        trainerId: k === 4 ? null : tech.id,
        trainerName: k === 4 ? "Claire Morin (prestataire)" : "",
        capacity: p.capacity,
        registrationDeadline: new Date(+slots[0]!.startsAt - 2 * 86_400_000),
        dedicatedBodyId: p.dedicatedBodyId ?? null,
        startsAt: slots[0]!.startsAt,
        endsAt: slots.at(-1)!.endsAt,
        cancelledAt: p.status === "cancelled" ? new Date(+now - 86_400_000) : null,
        sequence: p.status === "cancelled" ? 1 : 0,
        slots: { create: slotRows },
      },
      select: { id: true },
    });
    const confirmed = p.regs.length - (p.waitlisted ?? 0);
    // The history, in order: opened by the trainer, registrations, then sheets or cancellation.
    const opened = new Date(+slots[0]!.startsAt - 30 * 86_400_000);
    events.push({
      sessionId: session.id,
      kind: "opened",
      actorId: tech.id,
      data: { capacity: p.capacity },
      at: opened,
    });
    for (const [i, r] of p.regs.entries()) {
      const id = randomUUID();
      const status = i < confirmed ? "confirmed" : "waitlisted";
      const at = new Date(+slots[0]!.startsAt - (20 - i) * 86_400_000);
      events.push({
        sessionId: session.id,
        kind: status === "confirmed" ? "registered" : "waitlisted",
        ...r,
        actorId: tech.id,
        data: status === "waitlisted" ? { position: i - confirmed + 1 } : {},
        at,
      });
      registrations.push({
        id,
        sessionId: session.id,
        ...r,
        status,
        registeredById: null,
        confirmedAt: status === "confirmed" ? at : null,
        createdAt: at,
      });
      if (p.status !== "held") continue;
      for (const [j, s] of slotRows.entries()) {
        n++;
        // Most are present; some miss a half-day, one is excused.
        const mark = n % 11 === 0 ? "absent" : n % 17 === 0 ? "excused" : "present";
        attendances.push({
          slotId: s.id,
          registrationId: id,
          status: mark,
          confirmedBy: (i + j) % 3 === 0 ? "self" : "trainer",
          confirmedAt: new Date(+s.startsAt + (10 + i) * 60_000),
        });
      }
      if (i % 4 !== 3)
        surveys.push({
          id: randomUUID(),
          registrationId: id,
          ratings: {
            content: 4 + (i % 2),
            trainer: 5 - (i % 3 === 2 ? 1 : 0),
            organisation: 3 + (i % 3),
            usefulness: 4 + ((i + 1) % 2),
          },
          comment: ["Très concret, merci.", "", "Un peu rapide sur la fin.", ""][i % 4]!,
          createdAt: new Date(+slots.at(-1)!.endsAt + (i + 1) * 3_600_000),
        });
    }
    for (const x of p.status === "held" ? slotRows : [])
      events.push({
        sessionId: session.id,
        kind: "sheet_signed",
        actorId: tech.id,
        data: localSlot(x),
        at: x.signedAt,
      });
    if (p.status === "cancelled")
      events.push({
        sessionId: session.id,
        kind: "cancelled",
        actorId: tech.id,
        at: new Date(+now - 86_400_000),
      });
  }
  await tx.trainingRegistration.createMany({ data: registrations as never });
  await tx.trainingEvent.createMany({ data: events as never });
  await tx.trainingAttendance.createMany({ data: attendances as never });
  await tx.trainingSurveyAnswer.createMany({ data: surveys as never });
  return plans.length;
}
