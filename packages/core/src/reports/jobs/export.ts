import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";
import { buildExport, cleanupExports } from "../export-build.ts";

/** One background export, queued by the web app. Idempotent: an export already taken by a live
 * worker or finished is skipped; a retry after a crash takes it over and sends its e-mail once. */
export const reportExportJob = defineJob({
  name: "reports.export",
  schema: z.object({ exportId: z.uuid() }),
  retryLimit: 2,
  expireInSeconds: 4 * 3600,
  async handler(data, ctx) {
    if (!ctx.files) throw new Error("the worker has no file store");
    try {
      const result = await buildExport({ db: ctx.db, files: ctx.files, now: ctx.now }, data.exportId);
      ctx.log.info("report export", { exportId: data.exportId, result });
    } catch (error) {
      ctx.log.error("report export failed", { exportId: data.exportId, error: String(error) });
      throw error;
    }
  },
});

/** Every night: expired exports are removed (row and file); those no worker took for a day fail. */
export const reportExportCleanupJob = defineJob({
  name: "reports.export-cleanup",
  schema: z.object({}).passthrough(),
  schedule: { cron: "40 3 * * *" },
  async handler(_data, ctx) {
    if (!ctx.files) return;
    const result = await cleanupExports({ db: ctx.db, files: ctx.files, now: ctx.now });
    ctx.log.info("report exports cleaned up", result);
  },
});
