import { z } from "zod";
import {
  activateConvention,
  addConventionDocument,
  amendConvention,
  amendInput,
  conventionInput,
  conventionsNeedingAttention,
  createConvention,
  discardAmendment,
  documentInput,
  getConvention,
  giveNotice,
  listConventions,
  listConventionsInput,
  noticeInput,
  removeConventionDocument,
  removeVersionService,
  renewConvention,
  renewInput,
  setVersionTerms,
  signAmendment,
  terminateConvention,
  terminateInput,
  termsOn,
  termsOnInput,
  updateConvention,
  versionServiceInput,
  versionTermsInput,
} from "@mutuo/core/conventions";
import { authedProcedure, router } from "../trpc.ts";

const id = z.object({ id: z.string().uuid() });

export const conventionsRouter = router({
  list: authedProcedure
    .input(listConventionsInput)
    .query(({ ctx, input }) => listConventions(ctx.db, ctx.actor, input)),
  get: authedProcedure.input(id).query(({ ctx, input }) => getConvention(ctx.db, ctx.actor, input.id)),
  termsOn: authedProcedure.input(termsOnInput).query(({ ctx, input }) => termsOn(ctx.db, ctx.actor, input)),
  needingAttention: authedProcedure
    .input(z.object({ withinDays: z.number().int().min(1).max(730).default(180) }).optional())
    .query(({ ctx, input }) => conventionsNeedingAttention(ctx.db, ctx.actor, input?.withinDays)),
  create: authedProcedure
    .input(conventionInput)
    .mutation(({ ctx, input }) => createConvention(ctx.db, ctx.actor, input)),
  update: authedProcedure
    .input(z.object({ id: z.string().uuid(), convention: conventionInput }))
    .mutation(({ ctx, input }) => updateConvention(ctx.db, ctx.actor, input.id, input.convention)),
  setTerms: authedProcedure
    .input(versionTermsInput)
    .mutation(({ ctx, input }) => setVersionTerms(ctx.db, ctx.actor, input)),
  removeService: authedProcedure
    .input(versionServiceInput)
    .mutation(({ ctx, input }) => removeVersionService(ctx.db, ctx.actor, input)),
  amend: authedProcedure
    .input(amendInput)
    .mutation(({ ctx, input }) => amendConvention(ctx.db, ctx.actor, input)),
  signAmendment: authedProcedure
    .input(id)
    .mutation(({ ctx, input }) => signAmendment(ctx.db, ctx.actor, input.id)),
  discardAmendment: authedProcedure
    .input(id)
    .mutation(({ ctx, input }) => discardAmendment(ctx.db, ctx.actor, input.id)),
  activate: authedProcedure
    .input(id)
    .mutation(({ ctx, input }) => activateConvention(ctx.db, ctx.actor, input.id)),
  giveNotice: authedProcedure
    .input(noticeInput)
    .mutation(({ ctx, input }) => giveNotice(ctx.db, ctx.actor, input)),
  terminate: authedProcedure
    .input(terminateInput)
    .mutation(({ ctx, input }) => terminateConvention(ctx.db, ctx.actor, input)),
  renew: authedProcedure
    .input(renewInput)
    .mutation(({ ctx, input }) => renewConvention(ctx.db, ctx.actor, input)),
  addDocument: authedProcedure
    .input(documentInput)
    .mutation(({ ctx, input }) => addConventionDocument(ctx.db, ctx.files, ctx.actor, input)),
  removeDocument: authedProcedure
    .input(id)
    .mutation(({ ctx, input }) => removeConventionDocument(ctx.db, ctx.files, ctx.actor, input.id)),
});
