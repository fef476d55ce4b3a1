import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { sendLoanAlerts } from "../alerts.ts";

/** Every morning: loans ending in 30 or 7 days, overdue returns, inventories awaiting the partner. Idempotent. */
export const loanAlertsJob = defineJob({
  name: "loans.alerts",
  schema: z.object({}).passthrough(),
  schedule: { cron: "40 7 * * *" },
  async handler(_data, ctx) {
    const queued = await sendLoanAlerts(ctx.db, ctx.now());
    if (queued > 0) ctx.log.info("loan alerts queued", { queued });
  },
});
