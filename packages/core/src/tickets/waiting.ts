// When a wait on the partner reaches its date: the assignee (else the managers) is reminded, the
// partner gets the configured reminders, then the ticket closes without an answer if so configured.
// Each step goes through the one write path, under the ticket's lock, once per due date.
import type { Db, DbTx, Ticket } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { mutateTicket, syncPause } from "./mutate.ts";
import { notifyDeclarant, notifyWaitingDue } from "./notify.ts";
import { nextWaitingStep, type WaitingSettings } from "./rules.ts";

/** Mutuo itself, acting on time: staff rights, no person. */
const clock: Actor = { userId: "", name: "Mutuo", role: "admin", bodyIds: [], activeBodyId: null };
const DAY = 86_400_000;

export async function processDueWaits(db: Db, now: Date, settings: WaitingSettings, batch = 200) {
  let handled = 0;
  for (;;) {
    const due = await db.ticket.findMany({
      where: {
        status: "waiting_partner",
        waitingUntil: { lte: now },
        OR: [{ waitingHandledFor: null }, { waitingHandledFor: { lt: db.ticket.fields.waitingUntil } }],
      },
      select: { id: true },
      orderBy: [{ waitingUntil: "asc" }, { id: "asc" }],
      take: batch,
    });
    for (const { id } of due) if (await handleWait(db, id, now, settings)) handled++;
    if (due.length < batch) return handled;
  }
}

async function handleWait(db: Db, id: string, now: Date, settings: WaitingSettings): Promise<boolean> {
  let acted = false;
  await mutateTicket(
    db,
    clock,
    id,
    async (tx, t) => {
      const until = t.waitingUntil;
      // Re-checked under the lock: another worker, or the partner's answer, may have come first.
      if (t.status !== "waiting_partner" || !until || until > now) return {};
      if (t.waitingHandledFor && t.waitingHandledFor >= until) return {};
      acted = true;
      const step = nextWaitingStep(t.waitingReminders, settings);
      const key = until.toISOString();
      if (step === "remind_partner") {
        const next = new Date(now.getTime() + settings.reminderDays * DAY);
        return {
          data: { waitingReminders: t.waitingReminders + 1, waitingUntil: next, waitingHandledFor: until },
          events: [{ data: { waitingReminder: t.waitingReminders + 1, waitingUntil: next.toISOString() } }],
          after: async (tx2: DbTx, final: Ticket) => {
            if (t.waitingReminders === 0) await notifyWaitingDue(tx2, final, until);
            await notifyDeclarant(tx2, final, { key, template: "ticket.waiting-reminder" });
          },
        };
      }
      if (step === "close") {
        await syncPause(tx, t.id, t.status, "closed", now);
        return {
          data: {
            status: "closed",
            resolvedAt: now,
            closedAt: now,
            waitingUntil: null,
            waitingHandledFor: until,
          },
          events: [{ data: { status: [t.status, "closed"], waitingClosed: t.waitingReminders } }],
          after: async (tx2: DbTx, final: Ticket) => {
            await notifyDeclarant(tx2, final, { key, template: "ticket.waiting-closed" });
          },
        };
      }
      return {
        data: { waitingHandledFor: until },
        events: [{ data: { waitingDue: key } }],
        after: (tx2: DbTx, final: Ticket) => notifyWaitingDue(tx2, final, until),
      };
    },
    now,
  );
  return acted;
}
