// The conversation: public replies (a partner's reply ends the wait or reopens), internal notes, ratings.
import type { Db, DbTx, Ticket } from "@mutuo/db";
import { conflict, forbidden, invalid } from "../errors/index.ts";
import type { FileStore } from "../files/index.ts";
import { isStaff, type Actor } from "../access/index.ts";
import { attachStoredFiles, linkFiles, stageFiles } from "./attachments.ts";
import { mutateTicket, syncPause } from "./mutate.ts";
import { notifyAssignee, notifyDeclarant } from "./notify.ts";
import { isReopen } from "./rules.ts";
import { csatInput, messageInput } from "./schema.ts";
import { moveStatus } from "./workflow.ts";
import type { z } from "zod";

/** A reply that came by e-mail: from a known person (the actor), or from an outside sender whose
 * message a technician (the actor) accepted from the quarantine. */
export interface EmailOrigin {
  /** An outside sender ("Name <address>"): the message is theirs, not the actor's. */
  outsideSender?: string;
  fileIds?: string[];
  inTx?: (tx: DbTx, messageId: string) => Promise<void>;
}

export async function addMessage(
  db: Db,
  files: FileStore,
  actor: Actor,
  raw: z.input<typeof messageInput>,
  now = new Date(),
  email?: EmailOrigin,
) {
  const input = messageInput.parse(raw);
  const staff = isStaff(actor) && !email?.outsideSender;
  if (input.kind === "note" && !staff) throw forbidden("internal notes are for provider staff");
  if (input.then && !staff) throw forbidden("only provider staff change the status with a reply");
  if (input.then && input.kind !== "reply") throw invalid("then", "reply_only");
  const { staged, discard } = await stageFiles(files, input.attachments);
  try {
    let messageId = "";
    const ticket = await mutateTicket(
      db,
      actor,
      input.ticketId,
      async (tx, t) => {
        if (t.status === "closed" || t.status === "cancelled") throw conflict("ticket_closed");
        const author = email?.outsideSender
          ? { authorId: null, authorLabel: email.outsideSender }
          : { authorId: actor.userId, authorLabel: actor.name };
        const message = await tx.ticketMessage.create({
          data: {
            ticketId: t.id,
            kind: input.kind,
            ...author,
            fromStaff: staff,
            body: input.body,
            createdAt: now,
            data: email ? { via: "email" } : undefined,
          },
        });
        messageId = message.id;
        if (email?.inTx) await email.inTx(tx, message.id);
        await linkFiles(tx, staged, t.id, message.id, input.kind === "note", actor.userId || null);
        await attachStoredFiles(tx, email?.fileIds ?? [], t.id, message.id);
        let data: Record<string, unknown> = {};
        const events: { data: Record<string, unknown> }[] = [];
        // A staff reply is the first intervention; a partner's reply ends the wait on them, and
        // reopens a resolved ticket (the problem is back, or the answer did not help).
        if (staff && input.kind === "reply" && !t.interventionAt) data.interventionAt = now;
        if (!staff && (t.status === "waiting_partner" || t.status === "resolved")) {
          await syncPause(tx, t.id, t.status, "in_progress", now);
          data.status = "in_progress";
          if (isReopen(t.status, "in_progress")) data.resolvedAt = null; // the time since resolution is not a pause
          if (t.status === "waiting_partner")
            Object.assign(data, { waitingUntil: null, waitingReminders: 0 });
          events.push({ data: { status: [t.status, "in_progress"] } });
        }
        // « Envoyer et mettre en attente » / « Envoyer et résoudre »: the move in the same transaction.
        const to = input.then === "wait" ? "waiting_partner" : input.then === "resolve" ? "resolved" : null;
        if (to) {
          const moved = await moveStatus(tx, actor, t, to, now, input.waitingUntil);
          data = { ...data, ...moved.data };
          events.push(moved.event);
        }
        const after = async (t2: DbTx, final: Ticket) => {
          if (input.kind !== "reply") return;
          if (staff)
            await notifyDeclarant(t2, final, {
              key: message.id,
              template: to === "waiting_partner" ? "ticket.waiting" : "ticket.reply",
              body: input.body,
            });
          else
            await notifyAssignee(t2, final, {
              key: message.id,
              template: "ticket.partner-reply",
              body: input.body,
            });
        };
        return { data, events, after };
      },
      now,
    );
    return { ticket, messageId };
  } catch (error) {
    await discard();
    throw error;
  }
}

/** The declarant's rating once resolved (1–5 and a comment); may be changed until closure. */
export async function rateTicket(db: Db, actor: Actor, raw: z.input<typeof csatInput>, now = new Date()) {
  const input = csatInput.parse(raw);
  if (isStaff(actor)) throw forbidden("ratings come from partners");
  return mutateTicket(
    db,
    actor,
    input.ticketId,
    async (_tx, t) => {
      if (t.status !== "resolved" && t.status !== "closed") throw conflict("not_resolved");
      return {
        data: { csatScore: input.score, csatComment: input.comment || null, csatAt: now },
        events: [{ data: { csat: input.score } }],
      };
    },
    now,
  );
}
