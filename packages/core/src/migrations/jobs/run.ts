import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { executeProductionLoad } from "../connector.ts";
import { executeRun } from "../engine.ts";

/** One run of a data migration (check, test load or production load), queued by the web app.
 * Idempotent: a run already taken by a live worker or finished is skipped. */
export const migrationRunJob = defineJob({
  name: "migrations.run",
  schema: z.object({ runId: z.uuid() }),
  retryLimit: 2,
  expireInSeconds: 4 * 3600,
  async handler(data, ctx) {
    if (!ctx.files) throw new Error("the worker has no file store");
    const deps = { db: ctx.db, files: ctx.files, now: ctx.now };
    const kind = await ctx.db.migrationRun.findUnique({ where: { id: data.runId }, select: { kind: true } });
    if (!kind) return;
    const result =
      kind.kind === "production_load"
        ? await executeProductionLoad(deps, data.runId)
        : await executeRun(deps, data.runId);
    ctx.log.info("migration run", { runId: data.runId, result });
  },
});
