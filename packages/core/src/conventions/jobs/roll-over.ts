import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { rollOverConventions } from "../lifecycle.ts";

/** Every night: tacit renewals, expiries, terminations at the end of notice. Idempotent. */
export const rollOverConventionsJob = defineJob({
  name: "conventions.roll-over",
  schema: z.object({}).passthrough(),
  schedule: { cron: "5 0 * * *" },
  async handler(_data, ctx) {
    const { changed } = await rollOverConventions(ctx.db, ctx.now());
    if (changed > 0) ctx.log.info("conventions rolled over", { changed });
  },
});
