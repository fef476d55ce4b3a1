import {
  getRetentionSettings,
  previewRetention,
  retentionPreviewInput,
  retentionSettingsInput,
  updateRetentionSettings,
} from "@mutuo/core/retention";
import { authedProcedure, router } from "../trpc.ts";

/** Retention of personal data (administrators): the period, and what the next nightly run anonymises. */
export const retentionRouter = router({
  settings: authedProcedure.query(({ ctx }) => getRetentionSettings(ctx.db, ctx.actor, ctx.retentionMonths)),
  preview: authedProcedure
    .input(retentionPreviewInput)
    .query(({ ctx, input }) => previewRetention(ctx.db, ctx.actor, input, ctx.now(), ctx.retentionMonths)),
  update: authedProcedure
    .input(retentionSettingsInput)
    .mutation(({ ctx, input }) => updateRetentionSettings(ctx.db, ctx.actor, input, ctx.retentionMonths)),
});
