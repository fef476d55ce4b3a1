// The demo's administrative past, planned in memory beside the tickets: e-mails waiting in the
// quarantine (fictitious senders, each for a reason the receiver really gives) and older ones a
// technician decided, and the journal's changes of bodies and people over the past months. Every
// change ends on the value the demo holds today, so the journal and the pages agree.
import { diffFields } from "../audit/index.ts";
import type { Person } from "./history.ts";
import { seededRandom, seededUuid } from "./random.ts";
import { FIRST_NAMES, LAST_NAMES } from "./texts.ts";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

type Row = Record<string, unknown>;

export interface AdminBody {
  id: string;
  legalName: string;
  population: number | null;
  populationYear: number | null;
  addressLine: string | null;
  dpoName: string | null;
  dpoEmail: string | null;
}

export interface AdminPerson extends Person {
  role: string;
  phone: string | null;
  bodyIds: string[];
}

export interface AdminHistoryInput {
  now: Date;
  bodies: AdminBody[];
  /** People of the demo today (the base accounts and those the history added). */
  people: AdminPerson[];
  /** Accounts the history added: their invitation is dated in the past (their `createdAt` row field). */
  invited: Row[];
  /** The planned tickets (for replies to a closed one). */
  tickets: Row[];
  seed?: number;
}

export interface AdminHistoryPlan {
  incoming: Row[];
  audit: Row[];
}

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "-")
    .replace(/^-|-$/g, "");

export function planAdminHistory(input: AdminHistoryInput): AdminHistoryPlan {
  const r = seededRandom(input.seed ?? 20_261_202);
  const uuid = () => seededUuid(r);
  const now = input.now.getTime();
  const plan: AdminHistoryPlan = { incoming: [], audit: [] };
  const admins = input.people.filter((p) => p.role === "admin");
  const managers = input.people.filter((p) => p.role === "manager");
  const deciders = input.people.filter((p) => p.role === "technician" || p.role === "manager");
  const editors = [...admins, ...managers];
  if (!editors.length || !deciders.length) return plan;
  /** An office-hours instant `days` ago (Paris is UTC+1/+2: 7–16 h UTC stays in the working day). */
  const daysAgo = (days: number) => {
    const d = new Date(now - days * DAY);
    d.setUTCHours(r.int(7, 15), r.int(0, 59), r.int(0, 59), 0);
    return d.getTime() < now ? d : new Date(now - r.int(5, 60) * MIN);
  };
  const audit = (
    at: Date,
    actor: Person,
    entityType: "Body" | "User",
    entityId: string,
    bodyId: string | null,
    action: "create" | "update",
    before: Row | null,
    after: Row,
  ) =>
    plan.audit.push({
      at,
      actorId: actor.id,
      actorLabel: actor.name,
      channel: "web",
      entityType,
      entityId,
      bodyId,
      action,
      changes: diffFields(before, after),
    });

  // Bodies: a new data protection officer, the census figures of the year, a move of the town hall.
  for (const b of input.bodies) {
    const changes: { before: Row; after: Row }[] = [];
    if (b.dpoName && b.dpoEmail) {
      const first = r.pick(FIRST_NAMES);
      const last = r.pick(LAST_NAMES);
      changes.push({
        before: { dpoName: `${first} ${last}`, dpoEmail: `${slug(first)}.${slug(last)}@cdg-orlene.example` },
        after: { dpoName: b.dpoName, dpoEmail: b.dpoEmail },
      });
    }
    if (b.population)
      changes.push({
        before: {
          population: Math.round(b.population * (1 - r.int(1, 30) / 1000)),
          ...(b.populationYear ? { populationYear: b.populationYear - 1 } : {}),
        },
        after: {
          population: b.population,
          ...(b.populationYear ? { populationYear: b.populationYear } : {}),
        },
      });
    if (b.addressLine && (r.chance(0.5) || changes.length === 0))
      changes.push({
        before: { addressLine: `${r.int(1, 40)} place de la Mairie` },
        after: { addressLine: b.addressLine },
      });
    // Oldest first, each on its own day.
    const days = changes.map(() => r.int(20, 520)).sort((x, y) => y - x);
    changes.forEach((c, i) =>
      audit(daysAgo(days[i]!), r.pick(editors), "Body", b.id, b.id, "update", c.before, c.after),
    );
  }

  // People: the accounts the history added were invited months ago; some got a phone number or a
  // second body since; the managers were technicians first.
  const byId = new Map(input.people.map((p) => [p.id, p]));
  for (const row of input.invited) {
    const p = byId.get(row.id as string);
    if (!p) continue;
    const at = daysAgo(r.int(30, 540));
    row.createdAt = at;
    row.updatedAt = at;
    for (const bodyId of p.bodyIds.length ? p.bodyIds : [null])
      audit(at, r.pick(admins.length ? admins : editors), "User", p.id, bodyId, "create", null, {
        email: p.email,
        name: p.name,
        role: p.role,
        ...(bodyId ? { bodyId } : {}),
      });
  }
  for (const p of input.people) {
    const state = (phone: string | null, role: string, bodyIds: string[]) => ({
      name: p.name,
      phone,
      role,
      active: true,
      bodyIds: [...bodyIds].sort(),
    });
    const actor = r.pick(admins.length ? admins : editors);
    if (p.role === "manager")
      audit(
        daysAgo(r.int(200, 500)),
        actor,
        "User",
        p.id,
        p.bodyIds[0] ?? null,
        "update",
        state(p.phone, "technician", p.bodyIds),
        state(p.phone, p.role, p.bodyIds),
      );
    else if (p.phone && r.chance(0.5))
      audit(
        daysAgo(r.int(10, 400)),
        actor,
        "User",
        p.id,
        p.bodyIds[0] ?? null,
        "update",
        state(null, p.role, p.bodyIds),
        state(p.phone, p.role, p.bodyIds),
      );
    else if (p.role === "agent" && p.bodyIds.length > 1)
      audit(
        daysAgo(r.int(60, 300)),
        actor,
        "User",
        p.id,
        p.bodyIds[0]!,
        "update",
        state(p.phone, p.role, p.bodyIds.slice(0, 1)),
        state(p.phone, p.role, p.bodyIds),
      );
  }

  // The quarantine: what waits for a technician today, and what was decided before.
  const agents = input.people.filter((p) => p.role === "agent");
  const several = agents.find((p) => p.bodyIds.length > 1);
  const closed = input.tickets.filter((t) => t.status === "closed" && t.declarantEmail);
  const agentOf = (bodyId: string) => agents.find((a) => a.bodyIds.includes(bodyId));
  const mail = (
    at: Date,
    from: { email: string; name: string },
    subject: string,
    text: string,
    reason: string,
    extra: Row = {},
  ) =>
    plan.incoming.push({
      id: uuid(),
      messageId: `<${uuid()}@${from.email.split("@")[1]}>`,
      fromEmail: from.email,
      fromName: from.name,
      subject,
      text,
      headers: {},
      receivedAt: at,
      status: "quarantined",
      reason,
      createdAt: at,
      // Every row has the same columns: the bulk insert takes them from the first.
      ticketId: null,
      decidedById: null,
      decidedAt: null,
      ...extra,
    });
  const ago = (minutes: number) => new Date(now - minutes * MIN);
  mail(
    ago(95),
    { email: "contact@imprimerie-duval.example", name: "Imprimerie Duval" },
    "Devis cartouches et toner pour vos services",
    "Bonjour,\n\nSuite à notre échange téléphonique, voici notre proposition pour les cartouches de vos imprimantes.\n\nCordialement,\nImprimerie Duval",
    "unknown_sender",
  );
  mail(
    ago(60 * 26),
    { email: "julien.morel@messagerie-perso.example", name: "Julien Morel" },
    "Problème de connexion à l'espace famille",
    "Bonjour, je n'arrive plus à me connecter au portail famille de la commune pour inscrire mon fils à la cantine. Pouvez-vous m'aider ?",
    "unknown_sender",
  );
  if (several)
    mail(
      ago(60 * 3 + 12),
      several,
      "Imprimante du secrétariat bloquée",
      "Bonjour,\n\nL'imprimante du secrétariat affiche « bourrage papier » alors qu'il n'y a plus de feuille dedans.\n\nMerci",
      "several_bodies",
    );
  const lateReply = closed.length ? r.pick(closed) : null;
  if (lateReply)
    mail(
      ago(60 * 50),
      { email: lateReply.declarantEmail as string, name: lateReply.declarantName as string },
      `Re: [${lateReply.number as string}] ${lateReply.subject as string}`,
      "Bonjour,\n\nLe problème est revenu ce matin, exactement comme la dernière fois.\n\nBien à vous",
      "ticket_closed",
      { ticketId: lateReply.id },
    );
  const target = input.bodies.find((b) => agentOf(b.id));
  const spoofed = target ? agentOf(target.id)! : null;
  if (spoofed)
    mail(
      ago(60 * 7),
      { email: spoofed.email, name: spoofed.name },
      "Urgent : changement de coordonnées bancaires",
      "Bonjour, merci de mettre à jour nos coordonnées bancaires avant le prochain virement avec le document ci-joint. C'est urgent.",
      "spoofed_dmarc",
    );
  mail(
    ago(60 * 30),
    { email: "no-reply@visio-partage.example", name: "VisioPartage" },
    "Invitation : point mensuel des secrétaires de mairie",
    "Vous êtes invité(e) à une réunion en ligne. Rejoindre la réunion depuis votre navigateur.",
    "unauthenticated",
  );
  // Decided ones, over the past months.
  for (let i = 0; i < 12; i++) {
    const at = daysAgo(r.int(3, 400));
    const decider = r.pick(deciders);
    mail(
      at,
      { email: `${slug(r.pick(FIRST_NAMES))}.${slug(r.pick(LAST_NAMES))}@courriel-public.example`, name: "" },
      r.pick([
        "Demande de renseignements",
        "Candidature spontanée",
        "Offre de maintenance informatique",
        "Question sur le site de la commune",
      ]),
      "Bonjour,\n\nJe me permets de vous écrire au sujet de votre service.\n\nCordialement",
      "unknown_sender",
      {
        status: "rejected",
        decidedById: decider.id,
        decidedAt: new Date(at.getTime() + r.int(20, 600) * MIN),
      },
    );
  }
  return plan;
}
