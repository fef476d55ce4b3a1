import {
  cancelRun,
  closeJob,
  completeJob,
  createJob,
  createJobInput,
  createTemplate,
  deleteJob,
  fileSettingsInput,
  getJob,
  jobFormOptions,
  jobIdInput,
  jobProgress,
  listJobs,
  listJobsInput,
  listTemplates,
  mappingInput,
  reasonInput,
  runErrors,
  runErrorsInput,
  runIdInput,
  saveAsTemplateInput,
  saveMappingAsTemplate,
  setFileSettings,
  setMapping,
  signOff,
  stagingInput,
  stagingView,
  startProductionLoad,
  startRun,
  templateInput,
  templatesInput,
  updateTemplate,
  updateTemplateInput,
  type Enqueue,
} from "@mutuo/core/migrations";
import { sendJob } from "@mutuo/core/jobs";
import type { StreamingFileStore } from "@mutuo/core/files";
import type { ApiContext } from "../context.ts";
import { authedProcedure, router } from "../trpc.ts";

/** Queues a run on pg-boss (the worker's sweeper takes it up if this fails). */
const enqueue =
  (ctx: ApiContext): Enqueue =>
  (runId) =>
    sendJob(ctx.system.connectionString, "migrations.run", { runId });
const store = (ctx: ApiContext) => ctx.files as StreamingFileStore;

export const migrationsRouter = router({
  list: authedProcedure
    .input(listJobsInput)
    .query(({ ctx, input }) => listJobs(ctx.db, ctx.actor, input, ctx.now())),
  get: authedProcedure
    .input(jobIdInput)
    .query(({ ctx, input }) => getJob(ctx.db, ctx.actor, input, ctx.now())),
  progress: authedProcedure
    .input(jobIdInput)
    .query(({ ctx, input }) => jobProgress(ctx.db, ctx.actor, input)),
  errors: authedProcedure
    .input(runErrorsInput)
    .query(({ ctx, input }) => runErrors(ctx.db, ctx.actor, input)),
  staging: authedProcedure
    .input(stagingInput)
    .query(({ ctx, input }) => stagingView(ctx.db, ctx.actor, input)),
  formOptions: authedProcedure.query(({ ctx }) => jobFormOptions(ctx.db, ctx.actor)),
  templates: authedProcedure
    .input(templatesInput)
    .query(({ ctx, input }) => listTemplates(ctx.db, ctx.actor, input)),
  createTemplate: authedProcedure
    .input(templateInput)
    .mutation(({ ctx, input }) => createTemplate(ctx.db, ctx.actor, input)),
  updateTemplate: authedProcedure
    .input(updateTemplateInput)
    .mutation(({ ctx, input }) => updateTemplate(ctx.db, ctx.actor, input)),
  create: authedProcedure
    .input(createJobInput)
    .mutation(({ ctx, input }) => createJob(ctx.db, ctx.actor, input, ctx.now())),
  cancel: authedProcedure
    .input(reasonInput)
    .mutation(({ ctx, input }) => closeJob(ctx.db, ctx.actor, input, "cancelled", ctx.now())),
  fail: authedProcedure
    .input(reasonInput)
    .mutation(({ ctx, input }) => closeJob(ctx.db, ctx.actor, input, "failed", ctx.now())),
  setFileSettings: authedProcedure
    .input(fileSettingsInput)
    .mutation(({ ctx, input }) => setFileSettings(ctx.db, store(ctx), ctx.actor, input)),
  setMapping: authedProcedure
    .input(mappingInput)
    .mutation(({ ctx, input }) => setMapping(ctx.db, ctx.actor, input, ctx.now())),
  saveAsTemplate: authedProcedure
    .input(saveAsTemplateInput)
    .mutation(({ ctx, input }) => saveMappingAsTemplate(ctx.db, ctx.actor, input)),
  check: authedProcedure
    .input(jobIdInput)
    .mutation(({ ctx, input }) => startRun(ctx.db, ctx.actor, input, "check", enqueue(ctx), ctx.now())),
  testLoad: authedProcedure
    .input(jobIdInput)
    .mutation(({ ctx, input }) => startRun(ctx.db, ctx.actor, input, "test_load", enqueue(ctx), ctx.now())),
  cancelRun: authedProcedure
    .input(runIdInput)
    .mutation(({ ctx, input }) => cancelRun(ctx.db, ctx.actor, input.runId)),
  signOff: authedProcedure
    .input(jobIdInput)
    .mutation(async ({ ctx, input }) =>
      signOff(ctx.db, ctx.actor, input, { ip: (await ctx.clientIp?.()) ?? null }, ctx.now()),
    ),
  load: authedProcedure
    .input(jobIdInput)
    .mutation(({ ctx, input }) => startProductionLoad(ctx.db, ctx.actor, input, enqueue(ctx), ctx.now())),
  remove: authedProcedure
    .input(jobIdInput)
    .mutation(({ ctx, input }) => deleteJob(ctx.db, store(ctx), ctx.actor, input)),
  complete: authedProcedure
    .input(jobIdInput)
    .mutation(({ ctx, input }) => completeJob(ctx.db, ctx.actor, input, ctx.now())),
});
