import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { RETENTION_CRON } from "../rules.ts";
import { anonymiseExpiredDeclarants } from "../service.ts";
import { defaultMonthsInput } from "../settings.ts";

/**
 * Nightly: declarants of tickets ended more than the retention period ago are anonymised (period set
 * by an administrator, else `defaultMonths` from the configuration). Idempotent, batch-limited, audited.
 */
export const anonymiseDeclarantsJob = defineJob({
  name: "retention.anonymise-declarants",
  schema: z.object({ defaultMonths: defaultMonthsInput }).passthrough(),
  schedule: { cron: RETENTION_CRON },
  expireInSeconds: 3600,
  async handler(data, ctx) {
    const run = await anonymiseExpiredDeclarants(ctx.db, {
      now: ctx.now(),
      defaultMonths: data.defaultMonths,
    });
    if (run.tickets > 0 || run.more)
      ctx.log.info("declarants anonymised", {
        tickets: run.tickets,
        incoming: run.incoming,
        months: run.months,
        cutoff: run.cutoff.toISOString(),
        more: run.more,
      });
  },
});
