// A ticket as one reader sees it: THE place where what a ticket says about other tickets (conversation
// events, links, merges) is projected for a partner agent or for provider staff.
//
// The rule: links (and merges) may cross bodies — an outage affecting several communes is one
// incident for the DSI, and staff see every side of it — but a partner never learns anything about
// the other side: no number, id, subject, body or person of a ticket outside their own bodies. Where
// the fact itself is useful, a neutral flag replaces it (`linkedOther`: « Demande liée à un incident
// en cours »). For partners the event data is filtered by an allow-list, so that a key added later
// stays hidden until someone decides it is safe.
import type { Db } from "@mutuo/db";
import { canSeeBody, isStaff, type Actor } from "../access/index.ts";

/** Event keys whose value names another ticket (its number; its id in rows written before numbers),
 * with the neutral flag a partner reads instead when that ticket is not theirs. */
const TICKET_REFERENCES = {
  linked: "linkedOther",
  unlinked: "unlinkedOther",
  mergedInto: "mergedIntoOther",
  mergedFrom: "mergedFromOther",
} as const;

/** Event keys a partner reads as they are: none of them names an object of another body. */
const PARTNER_EVENT_KEYS = new Set([
  "created",
  "receivedAt",
  "status",
  "automatic",
  "assignee",
  "priority",
  "service",
  "diagnosis",
  "estimatedRestorationAt",
  "csat",
  "via",
]);

export interface TicketReference {
  id: string;
  number: string;
  bodyId: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The other tickets an event names (numbers or ids), to look up in one query. */
export function referencesOf(data: unknown): string[] {
  if (!isRecord(data)) return [];
  return Object.keys(TICKET_REFERENCES)
    .map((k) => data[k])
    .filter((v): v is string => typeof v === "string");
}

/**
 * An event's data as the reader may see it. `refs` maps a number or an id to the ticket it names;
 * `visible` says whether the reader may see a body. A reference that cannot be resolved counts as
 * foreign. Staff see every key, with references shown by number.
 */
export function projectEventData(
  data: unknown,
  refs: ReadonlyMap<string, TicketReference>,
  staff: boolean,
  visible: (bodyId: string) => boolean,
): Record<string, unknown> | null {
  if (!isRecord(data)) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key in TICKET_REFERENCES) {
      const ref = typeof value === "string" ? refs.get(value) : undefined;
      if (staff) out[key] = ref?.number ?? value;
      else if (ref && visible(ref.bodyId)) out[key] = ref.number;
      else out[TICKET_REFERENCES[key as keyof typeof TICKET_REFERENCES]] = true;
    } else if (staff || PARTNER_EVENT_KEYS.has(key)) out[key] = value;
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Looks up, in one query, every ticket that some of these events name. */
export async function loadReferences(db: Db, datas: unknown[]): Promise<Map<string, TicketReference>> {
  const keys = [...new Set(datas.flatMap(referencesOf))];
  const refs = new Map<string, TicketReference>();
  if (!keys.length) return refs;
  const ids = keys.filter((k) => UUID.test(k));
  const numbers = keys.filter((k) => !UUID.test(k)).map((k) => k.toUpperCase());
  const rows = await db.ticket.findMany({
    where: { OR: [{ id: { in: ids } }, { number: { in: numbers } }] },
    select: { id: true, number: true, bodyId: true },
  });
  for (const r of rows) {
    refs.set(r.id, r);
    refs.set(r.number, r);
  }
  for (const k of keys) {
    const hit = refs.get(k.toUpperCase());
    if (hit) refs.set(k, hit);
  }
  return refs;
}

/** What a ticket's page says about other tickets, for this reader. */
export async function projectForReader<
  M extends { kind: string; data: unknown },
  L extends { bodyId: string },
  G extends { bodyId: string },
  I extends { bodyId: string },
>(db: Db, actor: Actor, parts: { messages: M[]; links: L[]; merged: G[]; mergedInto: I | null }) {
  const staff = isStaff(actor);
  const visible = (bodyId: string) => canSeeBody(actor, bodyId);
  const events = parts.messages.filter((m) => m.kind === "event");
  const refs = await loadReferences(
    db,
    events.map((m) => m.data),
  );
  const links = staff ? parts.links : parts.links.filter((l) => visible(l.bodyId));
  return {
    messages: parts.messages.map((m) =>
      m.kind === "event" ? { ...m, data: projectEventData(m.data, refs, staff, visible) } : m,
    ),
    links,
    /** A partner's ticket linked to an incident of another body: said without naming it. */
    linkedToOtherIncident: links.length < parts.links.length,
    merged: staff ? parts.merged : parts.merged.filter((g) => visible(g.bodyId)),
    mergedInto: parts.mergedInto && (staff || visible(parts.mergedInto.bodyId)) ? parts.mergedInto : null,
  };
}
