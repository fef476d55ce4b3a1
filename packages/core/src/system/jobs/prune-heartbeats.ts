import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { pruneHeartbeats } from "../service.ts";

/** Hourly: forget workers that stopped more than a day ago. Idempotent. */
export const pruneHeartbeatsJob = defineJob({
  name: "system.prune-heartbeats",
  schema: z.object({}).passthrough(),
  schedule: { cron: "17 * * * *" },
  async handler(_data, ctx) {
    const removed = await pruneHeartbeats(ctx.db, ctx.now());
    if (removed > 0) ctx.log.info("pruned stale worker heartbeats", { removed });
  },
});
