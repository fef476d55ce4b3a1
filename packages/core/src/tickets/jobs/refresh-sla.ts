import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { refreshSlaStates } from "../maintenance.ts";

/** Every minute: SLA states move to warning or breached as time passes. Idempotent. */
export const refreshSlaJob = defineJob({
  name: "tickets.refresh-sla",
  schema: z.object({}).passthrough(),
  schedule: { cron: "* * * * *" },
  async handler(_data, ctx) {
    const changed = await refreshSlaStates(ctx.db, ctx.now());
    if (changed > 0) ctx.log.info("ticket SLA states refreshed", { changed });
  },
});
