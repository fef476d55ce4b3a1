import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { refreshRollup } from "../rollup.ts";
import { sendScheduledReports } from "../send.ts";

/** Every minute: the scheduled reports due (a period just ended) are built and queued, once per
 * period and recipient. The rollup is brought up to date first, so a report has the last tickets.
 * A failed build fails the job: retried, and shown to admins in the worker's log. */
export const sendScheduledReportsJob = defineJob({
  name: "reports.send-scheduled",
  schema: z.object({}).passthrough(),
  schedule: { cron: "* * * * *" },
  retryLimit: 3,
  expireInSeconds: 1800,
  async handler(_data, ctx) {
    await refreshRollup(ctx.db, ctx.now());
    const built = await sendScheduledReports(ctx.db, ctx.now());
    if (built > 0) ctx.log.info("scheduled reports queued", { built });
  },
});
