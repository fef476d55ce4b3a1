import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { refreshRollup } from "../rollup.ts";

/** Every minute: the SLA rollup catches up with the tickets changed since the last run. Idempotent,
 * one worker at a time (advisory lock). */
export const refreshRollupJob = defineJob({
  name: "reports.refresh-rollup",
  schema: z.object({}).passthrough(),
  schedule: { cron: "* * * * *" },
  expireInSeconds: 1800,
  async handler(_data, ctx) {
    const months = await refreshRollup(ctx.db, ctx.now());
    if (months && months.length > 0) ctx.log.info("report rollup refreshed", { months: months.length });
  },
});
