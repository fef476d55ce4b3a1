import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { autoCloseResolved } from "../maintenance.ts";

/** Nightly: resolved tickets not reopened for `days` days are closed. Idempotent. */
export const autoCloseJob = defineJob({
  name: "tickets.auto-close",
  schema: z.object({ days: z.number().int().min(1).max(365).default(7) }).passthrough(),
  schedule: { cron: "20 2 * * *", data: { days: 7 } },
  async handler(data, ctx) {
    const closed = await autoCloseResolved(ctx.db, ctx.now(), data.days);
    if (closed > 0) ctx.log.info("resolved tickets closed", { closed, days: data.days });
  },
});
