// Duplicates and related tickets: merging closes the duplicate into the main ticket (both of the
// same body); links are symmetrical and may cross bodies (one outage, several communes). Events
// name the other ticket by number; what a partner reads of them is decided in reader.ts.
import type { Db } from "@mutuo/db";
import { conflict, invalid, notFound } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { mutateTicket, syncPause } from "./mutate.ts";
import { requireStaff } from "./policy.ts";
import { linkInput, mergeInput, unlinkInput } from "./schema.ts";
import type { z } from "zod";

async function byNumber(db: Db, number: string) {
  const t = await db.ticket.findUnique({
    where: { number: number.toUpperCase() },
    select: { id: true, number: true, bodyId: true, status: true, mergedIntoId: true },
  });
  if (!t) throw invalid("intoNumber", "unknown_ticket");
  return t;
}

export async function mergeTicket(db: Db, actor: Actor, raw: z.input<typeof mergeInput>, now = new Date()) {
  requireStaff(actor);
  const input = mergeInput.parse(raw);
  const main = await byNumber(db, input.intoNumber);
  return mutateTicket(
    db,
    actor,
    input.ticketId,
    async (tx, t) => {
      if (main.id === t.id) throw invalid("intoNumber", "same_ticket");
      if (main.bodyId !== t.bodyId) throw invalid("intoNumber", "other_body");
      if (main.mergedIntoId || main.status === "cancelled") throw invalid("intoNumber", "ticket_merged");
      if (t.mergedIntoId) throw conflict("ticket_merged");
      await syncPause(tx, t.id, t.status, "cancelled", now);
      await tx.ticketMessage.create({
        data: {
          ticketId: main.id,
          kind: "event",
          authorId: actor.userId,
          authorLabel: actor.name,
          fromStaff: true,
          data: { mergedFrom: t.number },
          createdAt: now,
        },
      });
      return {
        data: { mergedIntoId: main.id, status: "cancelled" },
        events: [{ data: { mergedInto: main.number, status: [t.status, "cancelled"] } }],
      };
    },
    now,
  );
}

export async function linkTickets(db: Db, actor: Actor, raw: z.input<typeof linkInput>, now = new Date()) {
  requireStaff(actor);
  const input = linkInput.parse(raw);
  const other = await db.ticket.findUnique({
    where: { number: input.otherNumber.toUpperCase() },
    select: { id: true, number: true },
  });
  if (!other) throw invalid("otherNumber", "unknown_ticket");
  return mutateTicket(
    db,
    actor,
    input.ticketId,
    async (tx, t) => {
      if (other.id === t.id) throw invalid("otherNumber", "same_ticket");
      const [fromId, toId] = t.id < other.id ? [t.id, other.id] : [other.id, t.id];
      await tx.ticketLink.upsert({
        where: { fromId_toId: { fromId, toId } },
        create: { fromId, toId },
        update: {},
      });
      return { events: [{ data: { linked: other.number } }] };
    },
    now,
  );
}

export async function unlinkTickets(
  db: Db,
  actor: Actor,
  raw: z.input<typeof unlinkInput>,
  now = new Date(),
) {
  requireStaff(actor);
  const input = unlinkInput.parse(raw);
  return mutateTicket(
    db,
    actor,
    input.ticketId,
    async (tx, t) => {
      const [fromId, toId] = t.id < input.otherId ? [t.id, input.otherId] : [input.otherId, t.id];
      const deleted = await tx.ticketLink.deleteMany({ where: { fromId, toId } });
      if (deleted.count === 0) throw notFound("link");
      const other = await tx.ticket.findUnique({ where: { id: input.otherId }, select: { number: true } });
      return { events: [{ data: { unlinked: other?.number ?? input.otherId } }] };
    },
    now,
  );
}
