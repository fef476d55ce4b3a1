import { defineJob } from "../../jobs/define.ts";
import { waitingSettingsInput } from "../schema.ts";
import { processDueWaits } from "../waiting.ts";

/** Every minute: waits on the partner that reached their date remind, then close (settings from the
 * worker's environment, see the README). Idempotent: one step per ticket and due date, under the
 * row lock. */
export const waitingJob = defineJob({
  name: "tickets.waiting",
  schema: waitingSettingsInput.passthrough(),
  schedule: { cron: "* * * * *" },
  async handler(data, ctx) {
    const handled = await processDueWaits(ctx.db, ctx.now(), data);
    if (handled > 0) ctx.log.info("waits on the partner reached their date", { handled });
  },
});
