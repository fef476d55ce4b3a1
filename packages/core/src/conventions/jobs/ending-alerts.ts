import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { sendEndingAlerts } from "../alerts.ts";

/** Every morning: conventions ending or reaching their notice deadline in 90 or 30 days. Idempotent. */
export const conventionAlertsJob = defineJob({
  name: "conventions.ending-alerts",
  schema: z.object({}).passthrough(),
  schedule: { cron: "30 7 * * *" },
  async handler(_data, ctx) {
    const queued = await sendEndingAlerts(ctx.db, ctx.now());
    if (queued > 0) ctx.log.info("convention alerts queued", { queued });
  },
});
