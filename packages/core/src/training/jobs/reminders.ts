import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { afterSessions, sendReminders } from "../followups.ts";

/** Every hour: tomorrow's reminders, then the surveys of sessions over. Idempotent (outbox keys). */
export const trainingFollowUpsJob = defineJob({
  name: "training.follow-ups",
  schema: z.object({}).passthrough(),
  schedule: { cron: "15 * * * *" },
  async handler(_data, ctx) {
    const reminders = await sendReminders(ctx.db, ctx.now());
    const surveys = await afterSessions(ctx.db, ctx.now());
    if (reminders || surveys) ctx.log.info("training follow-ups", { reminders, surveys });
  },
});
