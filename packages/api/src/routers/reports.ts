import {
  breachesInput,
  createSubscription,
  exportInput,
  exportPlan,
  getExport,
  listExports,
  requestExport,
  idInput,
  listBreaches,
  listReports,
  listRuns,
  listSubscriptions,
  pauseInput,
  pauseSubscription,
  readReport,
  readReportInput,
  readSubscription,
  removeSubscription,
  reportChoices,
  runsInput,
  subscriptionInput,
  subscriptionUpdateInput,
  updateSubscription,
} from "@mutuo/core/reports";
import { sendJob } from "@mutuo/core/jobs";
import type { ApiContext } from "../context.ts";
import { authedProcedure, router } from "../trpc.ts";

/** Queues a background export on pg-boss (if that fails, the export is marked failed and says so). */
const enqueueExport = (ctx: ApiContext) => (exportId: string) =>
  sendJob(ctx.system.connectionString, "reports.export", { exportId });

/** Manager reports (partner agents: their bodies' SLA report) and the scheduled reports. */
export const reportsRouter = router({
  list: authedProcedure.query(({ ctx }) => listReports(ctx.actor)),
  choices: authedProcedure.query(({ ctx }) => reportChoices(ctx.db, ctx.actor)),
  read: authedProcedure
    .input(readReportInput)
    .query(({ ctx, input }) => readReport(ctx.db, ctx.actor, input, ctx.now())),
  breaches: authedProcedure
    .input(breachesInput)
    .query(({ ctx, input }) => listBreaches(ctx.db, ctx.actor, input, ctx.now())),
  subscriptions: authedProcedure.query(({ ctx }) => listSubscriptions(ctx.db, ctx.actor)),
  subscribe: authedProcedure
    .input(subscriptionInput)
    .mutation(({ ctx, input }) => createSubscription(ctx.db, ctx.actor, input)),
  subscription: authedProcedure
    .input(idInput)
    .query(({ ctx, input }) => readSubscription(ctx.db, ctx.actor, input.id)),
  updateSubscription: authedProcedure
    .input(subscriptionUpdateInput)
    .mutation(({ ctx, input }) => updateSubscription(ctx.db, ctx.actor, input)),
  pause: authedProcedure
    .input(pauseInput)
    .mutation(({ ctx, input }) => pauseSubscription(ctx.db, ctx.actor, input.id, input.paused, ctx.now())),
  unsubscribe: authedProcedure
    .input(idInput)
    .mutation(({ ctx, input }) => removeSubscription(ctx.db, ctx.actor, input.id)),
  runs: authedProcedure.input(runsInput).query(({ ctx, input }) => listRuns(ctx.db, ctx.actor, input)),
  exportPlan: authedProcedure
    .input(readReportInput)
    .query(({ ctx, input }) => exportPlan(ctx.db, ctx.actor, input)),
  requestExport: authedProcedure
    .input(exportInput)
    .mutation(({ ctx, input }) => requestExport(ctx.db, ctx.actor, input, enqueueExport(ctx), ctx.now())),
  exports: authedProcedure
    .input(runsInput)
    .query(({ ctx, input }) => listExports(ctx.db, ctx.actor, input, ctx.now())),
  export: authedProcedure
    .input(idInput)
    .query(({ ctx, input }) => getExport(ctx.db, ctx.actor, input, ctx.now())),
});
