import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { sendDigests } from "../digest.ts";

/** Weekday mornings: each technician who asked for it gets their open tickets by deadline. */
export const digestJob = defineJob({
  name: "tickets.digest",
  schema: z.object({}).passthrough(),
  schedule: { cron: "0 7 * * 1-5" },
  async handler(_data, ctx) {
    const n = await sendDigests(ctx.db, ctx.now());
    if (n > 0) ctx.log.info("digests queued", { n });
  },
});
