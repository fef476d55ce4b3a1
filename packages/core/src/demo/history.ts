// The demo history, planned in memory: ~18 months of tickets ending now, with their conversations,
// pauses, ratings, merges, links, attachments, e-mails and audit entries. Terms come from the
// conventions (core's resolution) and every stored SLA field from the SLA engine, as the services
// would have computed them; only the plan is random (seeded), never a result.
import type { Channel, Level, Priority, TicketStatus } from "@mutuo/db";
import { diffFields } from "../audit/index.ts";
import { pickTerms, type ResolvedTerms, type TermsIndex } from "../conventions/index.ts";
import {
  ALWAYS_OPEN,
  addBusinessTime,
  addDays,
  deadlineWithPauses,
  instantOf,
  isoDate,
  isoWeekday,
  localDateOf,
  type Calendar,
  type Pause,
} from "../sla/index.ts";
import { computeSla, priorityOf } from "../tickets/index.ts";
import { seededRandom, seededUuid, type Random } from "./random.ts";
import {
  CSAT_COMMENTS,
  FIRST_NAMES,
  INTERNAL_NOTES,
  LAST_NAMES,
  PARTNER_ANSWERS,
  PROBLEMS,
  STAFF_FIRST_REPLIES,
  STAFF_QUESTIONS,
  STAFF_RESOLUTIONS,
  type Problem,
} from "./texts.ts";

const ZONE = "Europe/Paris";
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Days of history before now. */
export const HISTORY_DAYS = 548;
/** Resolved tickets close after this many days (the worker's default). */
const AUTOCLOSE_DAYS = 7;

export interface Person {
  id: string;
  name: string;
  email: string;
}
export interface PartnerBody {
  id: string;
  legalName: string;
  /** Relative size, for how many tickets it opens. */
  weight: number;
  agents: Person[];
}
export interface CatalogueService {
  id: string;
  code: string;
}

export interface HistoryInput {
  now: Date;
  bodies: PartnerBody[];
  services: CatalogueService[];
  technicians: Person[];
  managers: Person[];
  terms: TermsIndex;
  /** How many tickets, roughly. */
  target?: number;
  seed?: number;
}

type Row = Record<string, unknown>;

export interface HistoryPlan {
  tickets: Row[];
  messages: Row[];
  pauses: Row[];
  links: Row[];
  attachments: {
    ticketId: string;
    messageId: string | null;
    kind: "png" | "log" | "csv";
    name: string;
    at: Date;
    uploadedById: string | null;
    seed: number;
    subject: string;
  }[];
  outbox: Row[];
  incoming: Row[];
  audit: Row[];
  /** Highest sequence number used per year of reception. */
  counters: Map<number, number>;
}

interface Event {
  at: Date;
  kind: "event" | "reply" | "note";
  author: Person | null;
  authorLabel?: string;
  fromStaff: boolean;
  body?: string;
  data?: Record<string, unknown>;
  /** The status after this event, when it changes it. */
  status?: TicketStatus;
  attach?: "png" | "log" | "csv";
}

const LEVEL_WEIGHTS: [Level, number][] = [
  ["high", 2],
  ["medium", 5],
  ["low", 3],
];
const CHANNELS: [Channel, number][] = [
  ["portal", 50],
  ["email", 25],
  ["phone", 18],
  ["letter", 7],
];

/** Local office hour of a report (minutes after midnight), most in the morning. */
function receptionMinute(r: Random, channel: Channel): number {
  const hour =
    channel === "email" || channel === "portal"
      ? r.weighted<number>([
          [7, 2],
          [8, 8],
          [9, 12],
          [10, 11],
          [11, 9],
          [12, 3],
          [13, 4],
          [14, 9],
          [15, 9],
          [16, 7],
          [17, 4],
          [18, 2],
          [20, 1],
        ])
      : r.weighted<number>([
          [8, 6],
          [9, 10],
          [10, 10],
          [11, 8],
          [14, 8],
          [15, 8],
          [16, 6],
        ]);
  return hour * 60 + r.int(0, 59);
}

/** Reception instants over the history, oldest first. */
function receptionDays(
  r: Random,
  now: Date,
  target: number,
): { day: ReturnType<typeof localDateOf>; count: number }[] {
  const today = localDateOf(ZONE, now.getTime());
  const first = addDays(today, -HISTORY_DAYS);
  const days: { day: ReturnType<typeof localDateOf>; weight: number }[] = [];
  for (let i = 0; i <= HISTORY_DAYS; i++) {
    const day = addDays(first, i);
    const weekend = isoWeekday(day) >= 6;
    const summer = day.month === 8 ? 0.55 : day.month === 12 && day.day > 20 ? 0.5 : 1;
    const growth = 0.75 + (0.5 * i) / HISTORY_DAYS; // more partners use it as time goes by
    days.push({ day, weight: (weekend ? 0.06 : 1) * summer * growth });
  }
  const total = days.reduce((s, d) => s + d.weight, 0);
  return days.map(({ day, weight }) => {
    const expected = (weight * target) / total;
    return { day, count: Math.floor(expected) + (r.chance(expected - Math.floor(expected)) ? 1 : 0) };
  });
}

function fraction(r: Random, min: number, max: number) {
  return min + r.next() * (max - min);
}

export function planHistory(input: HistoryInput): HistoryPlan {
  const r = seededRandom(input.seed ?? 20_260_601);
  const ids = seededRandom((input.seed ?? 20_260_601) ^ 0x5eed);
  const uuid = () => seededUuid(ids);
  const now = input.now;
  const plan: HistoryPlan = {
    tickets: [],
    messages: [],
    pauses: [],
    links: [],
    attachments: [],
    outbox: [],
    incoming: [],
    audit: [],
    counters: new Map(),
  };
  const serviceCodes = new Map(input.services.map((s) => [s.id, s.code]));
  const bodyWeights = input.bodies.map((b) => [b, b.weight] as const);
  // Recent tickets per body, for duplicates (merged) and related ones (linked).
  const recent = new Map<
    string,
    { id: string; number: string; at: Date; serviceId: string; mergeable: boolean }[]
  >();
  const outsiders = new Map<string, Person[]>();
  const outsider = (b: PartnerBody): Person => {
    const list = outsiders.get(b.id) ?? [];
    outsiders.set(b.id, list);
    if (list.length < 6 && (list.length === 0 || r.chance(0.3))) {
      const first = r.pick(FIRST_NAMES);
      const last = r.pick(LAST_NAMES);
      const domain = b.agents[0]?.email.split("@")[1] ?? "commune.example";
      const slug = (s: string) =>
        s
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .toLowerCase()
          .replace(/[^a-z]+/g, "-");
      list.push({ id: "", name: `${first} ${last}`, email: `${slug(first)}.${slug(last)}@${domain}` });
    }
    return r.pick(list);
  };

  // One engine calendar object per distinct calendar: the engine remembers its days per object.
  const calendars = new Map<string, Calendar>();
  const termsAt = (q: Parameters<typeof pickTerms>[1]) => {
    const t = pickTerms(input.terms, q);
    if (!t?.calendar) return t;
    const key = JSON.stringify(t.calendar);
    if (!calendars.has(key)) calendars.set(key, t.calendar);
    return { ...t, calendar: calendars.get(key)! };
  };
  const covered = new Map<string, string[]>();

  const days = receptionDays(r, now, input.target ?? 2000);
  const instants: { at: Date; channel: Channel }[] = [];
  for (const { day, count } of days) {
    for (let i = 0; i < count; i++) {
      const channel = r.weighted(CHANNELS);
      const at = new Date(instantOf(ZONE, day, receptionMinute(r, channel)) + r.int(0, 59) * 1000);
      if (at.getTime() < now.getTime() - 10 * MIN) instants.push({ at, channel });
    }
  }
  instants.sort((a, b) => a.at.getTime() - b.at.getTime());

  for (const { at: receivedAt, channel: wanted } of instants) {
    const body = r.weighted(bodyWeights);
    const serviceId = pickService(r, input, covered, body.id, receivedAt);
    const code = serviceCodes.get(serviceId)!;
    const problem: Problem = r.pick(PROBLEMS[code] ?? PROBLEMS.PELEHAS!);
    const impact = problem.category === "security" ? "high" : r.weighted(LEVEL_WEIGHTS);
    const urgency = r.weighted(LEVEL_WEIGHTS);
    const priority: Priority = priorityOf(impact, urgency);
    const terms = termsAt({ bodyId: body.id, serviceId, priority, at: receivedAt });
    // The portal and e-mail are for agents; a body without one calls or writes.
    let channel = wanted;
    if (body.agents.length === 0 && (channel === "portal" || channel === "email")) channel = "phone";
    if (channel === "portal" && terms?.source === "convention" && !terms.channels.includes("portal"))
      channel = "phone";
    const agent = body.agents.length ? r.pick(body.agents) : null;
    const declarant =
      channel === "portal" || channel === "email" || (agent && r.chance(0.6)) ? agent! : outsider(body);
    const dispatcher = r.pick(input.technicians);
    const assignee = r.chance(0.85) ? r.pick(input.technicians) : dispatcher;
    const createdBy = channel === "portal" || channel === "email" ? declarant : dispatcher;
    const createdAt =
      channel === "phone" || channel === "letter"
        ? new Date(receivedAt.getTime() + r.int(2, 40) * MIN)
        : receivedAt;

    const year = localDateOf(ZONE, receivedAt.getTime()).year;
    const seq = (plan.counters.get(year) ?? 0) + 1;
    plan.counters.set(year, seq);
    const number = `SOS-${year}-${String(seq).padStart(6, "0")}`;
    const id = uuid();

    // What happens to it, on the clocks of its terms.
    const events: Event[] = [];
    const pauses: Pause[] = [];
    const calI = calendarOf(terms, "intervention");
    const calR = calendarOf(terms, "resolution");
    const tI = (terms?.target.interventionMinutes ?? 24 * 60) * MIN;
    const tR = (terms?.target.resolutionMinutes ?? 48 * 60) * MIN;
    const ageDays = (now.getTime() - receivedAt.getTime()) / DAY;
    const fate = r.weighted<"normal" | "cancelled" | "stalled" | "merged">([
      ["normal", 93],
      ["cancelled", 3],
      ["stalled", ageDays < 120 ? 4 : 0],
      ["merged", 2],
    ]);
    const duplicateOf =
      fate === "merged"
        ? (recent.get(body.id) ?? []).find(
            (t) =>
              t.mergeable && t.serviceId === serviceId && receivedAt.getTime() - t.at.getTime() < 3 * DAY,
          )
        : undefined;

    const staffAt = (cal: typeof calI, ms: number) => addBusinessTime(cal, receivedAt, ms);
    const assignAt = staffAt(calI, tI * fraction(r, 0.02, 0.25));
    events.push({
      at: assignAt,
      kind: "event",
      author: dispatcher,
      fromStaff: true,
      data: { assignee: [null, assignee.name], status: ["new", "assigned"] },
      status: "assigned",
    });
    let csat: { score: number; comment: string | null; at: Date } | null = null;
    let diagnosis: string | null = null;
    let mergedIntoId: string | null = null;

    if (duplicateOf) {
      const mergeAt = new Date(assignAt.getTime() + r.int(5, 90) * MIN);
      events.push({
        at: mergeAt,
        kind: "event",
        author: assignee,
        fromStaff: true,
        data: { mergedInto: duplicateOf.number, status: ["assigned", "cancelled"] },
        status: "cancelled",
      });
      mergedIntoId = duplicateOf.id;
      if (mergeAt < now)
        plan.messages.push(
          message(uuid(), duplicateOf.id, {
            at: mergeAt,
            kind: "event",
            author: assignee,
            fromStaff: true,
            data: { mergedFrom: number },
          }),
        );
      duplicateOf.mergeable = false;
    } else if (fate === "cancelled") {
      const byPartner = createdBy === declarant && r.chance(0.6);
      events.push({
        at: new Date(assignAt.getTime() + r.int(10, 600) * MIN),
        kind: "event",
        author: byPartner ? declarant : assignee,
        fromStaff: !byPartner,
        data: { status: ["assigned", "cancelled"] },
        status: "cancelled",
      });
    } else {
      const breachI = r.chance(0.06);
      const breachR = r.chance(0.09);
      const interventionAt = new Date(
        Math.max(
          assignAt.getTime() + MIN,
          staffAt(calI, tI * (breachI ? fraction(r, 1.05, 1.8) : fraction(r, 0.1, 0.85))).getTime(),
        ),
      );
      events.push({
        at: interventionAt,
        kind: "event",
        author: assignee,
        fromStaff: true,
        data: { status: ["assigned", "in_progress"] },
        status: "in_progress",
      });
      events.push({
        at: interventionAt,
        kind: "reply",
        author: assignee,
        fromStaff: true,
        body: r.pick(STAFF_FIRST_REPLIES),
      });
      let cursor = interventionAt;
      if (r.chance(0.25)) {
        cursor = new Date(cursor.getTime() + r.int(10, 240) * MIN);
        events.push({
          at: cursor,
          kind: "note",
          author: assignee,
          fromStaff: true,
          body: r.pick(INTERNAL_NOTES),
        });
      }
      if (fate === "stalled" || r.chance(0.3)) {
        const from = new Date(cursor.getTime() + r.int(20, 300) * MIN);
        const open = fate === "stalled" && r.chance(0.5);
        const to = open ? null : new Date(from.getTime() + r.int(3, 96) * HOUR);
        pauses.push({ from, to });
        events.push({
          at: from,
          kind: "event",
          author: assignee,
          fromStaff: true,
          data: { status: ["in_progress", "waiting_partner"] },
          status: "waiting_partner",
        });
        events.push({
          at: from,
          kind: "reply",
          author: assignee,
          fromStaff: true,
          body: r.pick(STAFF_QUESTIONS),
        });
        if (to) {
          const attach = r.chance(0.12) ? (r.chance(0.7) ? "png" : "log") : undefined;
          events.push({
            at: to,
            kind: "reply",
            author: declarant,
            fromStaff: false,
            body: r.pick(PARTNER_ANSWERS),
            attach,
          });
          events.push({
            at: to,
            kind: "event",
            author: declarant,
            fromStaff: false,
            data: { status: ["waiting_partner", "in_progress"] },
            status: "in_progress",
          });
          cursor = to;
        }
      }
      if (fate !== "stalled") {
        // Resolution at a share of the target, on the resolution clock with its pauses.
        const share = breachR ? fraction(r, 1.05, 2) : fraction(r, 0.25, 0.95);
        const due = deadlineWithPauses(calR, receivedAt, tR * share, pauses) ?? cursor;
        const resolvedAt = new Date(Math.max(due.getTime(), cursor.getTime() + r.int(15, 120) * MIN));
        diagnosis = problem.diagnosis;
        events.push({
          at: resolvedAt,
          kind: "event",
          author: assignee,
          fromStaff: true,
          body: diagnosis,
          data: { diagnosis: true, estimatedRestorationAt: null },
        });
        events.push({
          at: resolvedAt,
          kind: "event",
          author: assignee,
          fromStaff: true,
          data: { status: ["in_progress", "resolved"] },
          status: "resolved",
        });
        events.push({
          at: resolvedAt,
          kind: "reply",
          author: assignee,
          fromStaff: true,
          body: r.pick(STAFF_RESOLUTIONS),
        });
        if (declarant.id && r.chance(0.45)) {
          const score = r.weighted<number>([
            [5, 50],
            [4, 30],
            [3, 12],
            [2, 5],
            [1, 3],
          ]);
          const at = new Date(resolvedAt.getTime() + r.int(1, 72) * HOUR);
          csat = { score, comment: r.pick(CSAT_COMMENTS) || null, at };
          events.push({ at, kind: "event", author: declarant, fromStaff: false, data: { csat: score } });
        }
        events.push({
          at: new Date(resolvedAt.getTime() + AUTOCLOSE_DAYS * DAY + r.int(0, 60) * MIN),
          kind: "event",
          author: null,
          authorLabel: "Mutuo",
          fromStaff: true,
          data: { status: ["resolved", "closed"], automatic: AUTOCLOSE_DAYS },
          status: "closed",
        });
      }
    }

    // The ticket as it stands now: only what has happened by now counts.
    const past = events
      .filter((e) => e.at.getTime() <= now.getTime())
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    let status: TicketStatus = "new";
    let interventionAt: Date | null = null;
    let resolvedAt: Date | null = null;
    let closedAt: Date | null = null;
    for (const e of past) {
      if (!e.status) continue;
      if (e.status === "in_progress" && !interventionAt) interventionAt = e.at;
      if (e.status === "resolved") {
        resolvedAt = e.at;
        interventionAt ??= e.at;
      }
      if (e.status === "closed") closedAt = e.at;
      status = e.status;
    }
    const pastPauses = pauses
      .filter((p) => p.from.getTime() <= now.getTime())
      .map((p) => ({ from: p.from, to: p.to && p.to.getTime() <= now.getTime() ? p.to : null }));
    const rating = csat && csat.at <= now ? csat : null;
    const assigned = past.some((e) => e.data && "assignee" in e.data);

    const ticket: Row = {
      id,
      number,
      bodyId: body.id,
      serviceId,
      subject: problem.subject,
      description: problem.description,
      category: problem.category,
      equipment: problem.equipment ?? "",
      impact,
      urgency,
      priority,
      channel,
      status,
      declarantName: declarant.name,
      declarantPhone: channel === "phone" ? `02 38 ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}` : null,
      declarantEmail: declarant.email || null,
      createdById: createdBy.id || null,
      assigneeId: assigned ? assignee.id : null,
      receivedAt,
      createdAt,
      updatedAt: past.at(-1)?.at ?? createdAt,
      interventionAt,
      resolvedAt,
      closedAt,
      diagnosis: resolvedAt ? diagnosis : null,
      mergedIntoId: status === "cancelled" ? mergedIntoId : null,
      csatScore: rating?.score ?? null,
      csatComment: rating?.comment ?? null,
      csatAt: rating?.at ?? null,
      termsSource: terms?.source ?? "none",
      conventionId: terms?.conventionId ?? null,
      conventionVersionId: terms?.versionId ?? null,
      slaCalendar: terms?.calendar ? { ...terms.calendar, name: terms.calendarName } : null,
      interventionMinutes: terms?.target.interventionMinutes ?? null,
      interventionBasis: terms?.target.interventionBasis ?? null,
      resolutionMinutes: terms?.target.resolutionMinutes ?? null,
      resolutionBasis: terms?.target.resolutionBasis ?? null,
      warningPercent: terms?.target.warningPercent ?? 75,
      interventionDueManual: false,
      resolutionDueManual: false,
    };
    Object.assign(
      ticket,
      computeSla(
        {
          status,
          receivedAt,
          slaCalendar: terms?.calendar ?? null,
          interventionMinutes: terms?.target.interventionMinutes ?? null,
          interventionBasis: terms?.target.interventionBasis ?? null,
          resolutionMinutes: terms?.target.resolutionMinutes ?? null,
          resolutionBasis: terms?.target.resolutionBasis ?? null,
          warningPercent: terms?.target.warningPercent ?? 75,
          interventionAt,
          resolvedAt,
          interventionDueAt: null,
          interventionDueManual: false,
          resolutionDueAt: null,
          resolutionDueManual: false,
        },
        pastPauses,
        now,
      ),
    );
    plan.tickets.push(ticket);
    for (const p of pastPauses)
      plan.pauses.push({ id: uuid(), ticketId: id, startedAt: p.from, endedAt: p.to });

    // The conversation: its creation, then what happened.
    plan.messages.push(
      message(uuid(), id, {
        at: createdAt,
        kind: "event",
        author: createdBy,
        fromStaff: createdBy !== declarant,
        data: { created: channel, receivedAt: receivedAt.toISOString() },
      }),
    );
    if (channel !== "phone" && channel !== "letter" && r.chance(0.06))
      plan.attachments.push({
        ticketId: id,
        messageId: null,
        kind: r.chance(0.6) ? "png" : "csv",
        name: r.chance(0.6) ? "capture-ecran.png" : "export.csv",
        at: createdAt,
        uploadedById: createdBy.id || null,
        seed: seq,
        subject: problem.subject,
      });
    let last = createdAt.getTime();
    for (const e of past) {
      const messageId = uuid();
      // Distinct instants keep the conversation in its order (events of one action come together).
      last = Math.max(last + 1, e.at.getTime());
      plan.messages.push(message(messageId, id, { ...e, at: new Date(last) }));
      if (e.attach)
        plan.attachments.push({
          ticketId: id,
          messageId,
          kind: e.attach,
          name: e.attach === "png" ? "message-erreur.png" : "journal.txt",
          at: e.at,
          uploadedById: e.author?.id || null,
          seed: seq,
          subject: problem.subject,
        });
    }
    if (duplicateOf === undefined && fate !== "cancelled") {
      const list = recent.get(body.id) ?? [];
      recent.set(body.id, list);
      const related = list.find(
        (t) => t.serviceId === serviceId && receivedAt.getTime() - t.at.getTime() < 30 * DAY,
      );
      if (related && r.chance(0.04)) {
        const at = new Date(assignAt.getTime() + 5 * MIN);
        if (at < now) {
          const [fromId, toId] = id < related.id ? [id, related.id] : [related.id, id];
          plan.links.push({ fromId, toId, createdAt: at });
          plan.messages.push(
            message(uuid(), id, {
              at,
              kind: "event",
              author: assignee,
              fromStaff: true,
              data: { linked: related.number },
            }),
          );
        }
      }
      list.push({ id, number, at: receivedAt, serviceId, mergeable: true });
      if (list.length > 40) list.shift();
    }

    // The e-mail that opened it, and the e-mails it caused.
    if (channel === "email")
      plan.incoming.push({
        id: uuid(),
        messageId: `<${uuid()}@${declarant.email.split("@")[1]}>`,
        fromEmail: declarant.email,
        fromName: declarant.name,
        subject: problem.subject,
        text: problem.description,
        headers: {},
        receivedAt,
        status: "ticket",
        ticketId: id,
        createdAt: receivedAt,
      });
    const mailData = (extra: Record<string, unknown>) => ({
      number,
      subject: problem.subject,
      path: `/tickets/${id}`,
      body_name: body.legalName,
      ...extra,
    });
    const mail = (at: Date, template: string, to: Person, data: Record<string, unknown>, key: string) =>
      plan.outbox.push({
        id: uuid(),
        dedupKey: `${template}:${id}:${key}:${to.email}`,
        template,
        data,
        toEmail: to.email,
        toUserId: to.id || null,
        locale: "fr",
        messageId: `<${uuid()}@mutuo>`,
        ticketId: id,
        status: "sent",
        attempts: 1,
        nextAttemptAt: at,
        sentAt: new Date(at.getTime() + r.int(2, 40) * 1000),
        createdAt: at,
      });
    if (declarant.email) {
      mail(
        createdAt,
        "ticket.received",
        declarant,
        mailData({ name: declarant.name, dueAt: ticket.interventionDueAt ?? null }),
        "created",
      );
      let current: TicketStatus = "new";
      for (const e of past) {
        current = e.status ?? current;
        if (e.kind === "reply" && e.fromStaff)
          mail(
            e.at,
            "ticket.reply",
            declarant,
            mailData({ name: declarant.name, status: current, body: e.body }),
            String(e.at.getTime()),
          );
      }
    }
    for (const e of past) {
      if (e.data && "assignee" in e.data && assignee !== dispatcher)
        mail(
          e.at,
          "ticket.assigned",
          assignee,
          mailData({ name: assignee.name, dueAt: null }),
          String(e.at.getTime()),
        );
      if (e.kind === "reply" && !e.fromStaff)
        mail(
          e.at,
          "ticket.partner-reply",
          assignee,
          mailData({ name: assignee.name, body: e.body, dueAt: null }),
          String(e.at.getTime()),
        );
    }
    for (const target of ["intervention", "resolution"] as const) {
      const dueAt = ticket[`${target}DueAt`] as Date | null;
      if (ticket[`${target}State`] !== "breached" || !dueAt || dueAt > now) continue;
      for (const m of [assignee, ...input.managers])
        mail(
          dueAt,
          "ticket.sla-breach",
          m,
          mailData({ name: m.name, target, dueAt: dueAt.toISOString() }),
          target,
        );
    }

    plan.audit.push({
      at: createdAt,
      actorId: createdBy.id || null,
      actorLabel: createdBy.name,
      channel: channel === "email" ? "email" : "web",
      entityType: "Ticket",
      entityId: id,
      bodyId: body.id,
      action: "create",
      changes: diffFields(null, {
        number,
        subject: problem.subject,
        declarantName: declarant.name,
        channel,
        receivedAt: receivedAt.toISOString(),
        receivedOn: isoDate(localDateOf(ZONE, receivedAt.getTime())),
      }),
    });
  }

  // A few addresses that bounced for good (a mailbox closed since), as the relay reported them.
  for (const m of plan.outbox) {
    if (m.template === "ticket.reply" && r.chance(0.006)) {
      m.status = "failed";
      m.sentAt = null;
      m.attempts = r.chance(0.5) ? 1 : 8;
      m.lastError =
        m.attempts === 1
          ? `550 5.1.1 <${String(m.toEmail)}>: Recipient address rejected: User unknown in virtual mailbox table`
          : "connect ECONNREFUSED 192.0.2.25:587";
    }
  }
  return plan;
}

/** Mostly a service the body's conventions cover on that day, sometimes any other. */
function pickService(
  r: Random,
  input: HistoryInput,
  cache: Map<string, string[]>,
  bodyId: string,
  at: Date,
): string {
  // Coverage changes with a convention's dates, at most a few times a year: looked up per month.
  const day = localDateOf(ZONE, at.getTime());
  const key = `${bodyId}:${day.year}-${day.month}`;
  let covered = cache.get(key);
  if (!covered) {
    covered = input.services
      .filter(
        (s) =>
          pickTerms(input.terms, { bodyId, serviceId: s.id, priority: "medium", at })?.source ===
          "convention",
      )
      .map((s) => s.id);
    cache.set(key, covered);
  }
  if (covered.length && r.chance(0.8)) return r.pick(covered);
  return r.pick(input.services).id;
}

function calendarOf(terms: ResolvedTerms | null, target: "intervention" | "resolution") {
  const basis = terms?.target[`${target}Basis`];
  return basis === "business" && terms?.calendar ? terms.calendar : ALWAYS_OPEN;
}

function message(id: string, ticketId: string, e: Event): Row {
  return {
    id,
    ticketId,
    kind: e.kind,
    authorId: e.author?.id || null,
    authorLabel: e.authorLabel ?? e.author?.name ?? "Mutuo",
    fromStaff: e.fromStaff,
    body: e.body ?? "",
    data: e.data ?? null,
    createdAt: e.at,
  };
}
