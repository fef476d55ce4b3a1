import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { waitingSettings } from "../rules.ts";
import { processDueWaits } from "../waiting.ts";

/** Every minute: waits on the partner that reached their date remind, then close (settings from the
 * environment, see the README). Idempotent: one step per ticket and due date, under the row lock. */
export const waitingJob = defineJob({
  name: "tickets.waiting",
  schema: z.object({}).passthrough(),
  schedule: { cron: "* * * * *" },
  async handler(_data, ctx) {
    const handled = await processDueWaits(ctx.db, ctx.now(), waitingSettings(process.env));
    if (handled > 0) ctx.log.info("waits on the partner reached their date", { handled });
  },
});
