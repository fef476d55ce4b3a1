import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { executeRun, STALE_MS } from "../engine.ts";

/** Every minute: runs left queued (the web could not reach pg-boss) or abandoned by a stopped worker
 * resume from their checkpoint. Two workers cannot take the same run (atomic claim in executeRun). */
export const resumeMigrationRunsJob = defineJob({
  name: "migrations.resume",
  schema: z.object({}).passthrough(),
  schedule: { cron: "* * * * *" },
  expireInSeconds: 4 * 3600,
  async handler(_data, ctx) {
    if (!ctx.files) return;
    const stale = new Date(Date.now() - STALE_MS);
    const runs = await ctx.db.migrationRun.findMany({
      where: {
        kind: { in: ["check", "test_load"] },
        OR: [
          { status: "queued", createdAt: { lt: stale } },
          { status: "running", progressAt: { lt: stale } },
        ],
      },
      select: { id: true },
      take: 5,
    });
    for (const r of runs) {
      const result = await executeRun({ db: ctx.db, files: ctx.files, now: ctx.now }, r.id);
      ctx.log.info("migration run resumed", { runId: r.id, result });
    }
  },
});
