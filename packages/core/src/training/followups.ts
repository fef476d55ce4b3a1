// Time-driven follow-ups, idempotent (the outbox's dedup key says "once per slot and person"):
// reminders the day before each half-day, the survey to those present once a session is over,
// one survey reminder three days later, and the status "held".
import type { Db } from "@mutuo/db";
import { addDays, instantOf, parseIsoDate } from "../sla/index.ts";
import { mailRegistration, sessionMailSelect } from "./notify.ts";
import { localDate, TRAINING_TIME_ZONE } from "./rules.ts";

const person = { select: { id: true, name: true, email: true, locale: true } } as const;

/** Reminders for every slot of tomorrow (local), to each confirmed person. */
export async function sendReminders(db: Db, now: Date): Promise<number> {
  const tomorrow = addDays(parseIsoDate(localDate(now)), 1);
  const from = new Date(instantOf(TRAINING_TIME_ZONE, tomorrow, 0));
  const to = new Date(instantOf(TRAINING_TIME_ZONE, addDays(tomorrow, 1), 0));
  const slots = await db.trainingSlot.findMany({
    where: { startsAt: { gte: from, lt: to }, session: { status: { in: ["open", "full", "planned"] } } },
    select: { id: true, sessionId: true },
  });
  let queued = 0;
  for (const slot of slots) {
    const regs = await db.trainingRegistration.findMany({
      where: { sessionId: slot.sessionId, status: "confirmed" },
      select: { id: true, user: person },
    });
    await db.$transaction(async (tx) => {
      const s = await tx.trainingSession.findUniqueOrThrow({
        where: { id: slot.sessionId },
        select: sessionMailSelect,
      });
      for (const r of regs) {
        await mailRegistration(
          tx,
          { ...s, slots: s.slots.filter((x) => x.id === slot.id) },
          r,
          "training.reminder",
          {
            now,
            key: `slot:${slot.id}`,
          },
        );
        queued++;
      }
    });
  }
  return queued;
}

/** Sessions over: marked held, survey sent to those present, reminded once after three days. */
export async function afterSessions(db: Db, now: Date): Promise<number> {
  const over = await db.trainingSession.findMany({
    where: { status: { in: ["open", "full", "planned"] }, endsAt: { lt: now } },
    select: { id: true },
    take: 200,
  });
  if (over.length)
    await db.trainingSession.updateMany({
      where: { id: { in: over.map((s) => s.id) } },
      data: { status: "held" },
    });
  const recent = new Date(+now - 30 * 86_400_000);
  const regs = await db.trainingRegistration.findMany({
    where: {
      status: "confirmed",
      survey: null,
      session: { status: "held", endsAt: { gte: recent, lt: now } },
      attendances: { some: { status: "present" } },
    },
    select: {
      id: true,
      sessionId: true,
      surveyRemindedAt: true,
      session: { select: { endsAt: true } },
      user: person,
    },
    take: 1000,
  });
  let queued = 0;
  for (const r of regs) {
    const remind = !r.surveyRemindedAt && +now - +r.session.endsAt > 3 * 86_400_000;
    await db.$transaction(async (tx) => {
      const s = await tx.trainingSession.findUniqueOrThrow({
        where: { id: r.sessionId },
        select: sessionMailSelect,
      });
      await mailRegistration(tx, s, r, "training.survey", {
        now,
        key: remind ? "survey-reminder" : "survey",
      });
      if (remind)
        await tx.trainingRegistration.update({ where: { id: r.id }, data: { surveyRemindedAt: now } });
    });
    queued++;
  }
  return queued;
}
