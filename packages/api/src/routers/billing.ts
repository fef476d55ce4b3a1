import { z } from "zod";
import {
  activityReaders,
  addBudgetCode,
  billableBodies,
  budgetCodeInput,
  createGrid,
  createNextGridVersion,
  createPlan,
  creditNoteInput,
  draftStatement,
  getGrid,
  getPlan,
  getStatement,
  gridInput,
  invoicingInput,
  issueCreditNote,
  issueStatement,
  jobTimeEntries,
  jobTimeEntryInput,
  jobTimeQuery,
  listBudgetCodes,
  listGrids,
  listPlans,
  listStatements,
  listStatementsInput,
  logJobTime,
  logTime,
  nextGridInput,
  paymentInput,
  periodInput,
  planInput,
  recordPayment,
  removeBudgetCode,
  removeTimeEntry,
  setInitialisationWaiver,
  setInvoicing,
  timeEntriesOf,
  timeEntryInput,
  updateGrid,
  updateGridInput,
  updatePlan,
  updatePlanInput,
  waiverInput,
  yearInput,
  yearView,
} from "@mutuo/core/billing";
import { authedProcedure, router } from "../trpc.ts";

const id = z.object({ id: z.string().uuid() });

export const billingRouter = router({
  grids: authedProcedure
    .input(z.object({ serviceId: z.string().uuid().optional() }).optional())
    .query(({ ctx, input }) => listGrids(ctx.db, ctx.actor, input)),
  grid: authedProcedure.input(id).query(({ ctx, input }) => getGrid(ctx.db, ctx.actor, input.id)),
  createGrid: authedProcedure
    .input(gridInput)
    .mutation(({ ctx, input }) => createGrid(ctx.db, ctx.actor, input)),
  updateGrid: authedProcedure
    .input(updateGridInput)
    .mutation(({ ctx, input }) => updateGrid(ctx.db, ctx.actor, input)),
  nextGridVersion: authedProcedure
    .input(nextGridInput)
    .mutation(({ ctx, input }) => createNextGridVersion(ctx.db, ctx.actor, input)),
  plans: authedProcedure.query(({ ctx }) => listPlans(ctx.db, ctx.actor)),
  plan: authedProcedure.input(id).query(({ ctx, input }) => getPlan(ctx.db, ctx.actor, input.id)),
  createPlan: authedProcedure
    .input(planInput)
    .mutation(({ ctx, input }) => createPlan(ctx.db, ctx.actor, input)),
  updatePlan: authedProcedure
    .input(updatePlanInput)
    .mutation(({ ctx, input }) => updatePlan(ctx.db, ctx.actor, input)),
  budgetCodes: authedProcedure.query(({ ctx }) => listBudgetCodes(ctx.db, ctx.actor)),
  addBudgetCode: authedProcedure
    .input(budgetCodeInput)
    .mutation(({ ctx, input }) => addBudgetCode(ctx.db, ctx.actor, input)),
  removeBudgetCode: authedProcedure
    .input(id)
    .mutation(({ ctx, input }) => removeBudgetCode(ctx.db, ctx.actor, input.id)),
  bodies: authedProcedure.query(({ ctx }) => billableBodies(ctx.db, ctx.actor)),
  setInvoicing: authedProcedure
    .input(invoicingInput)
    .mutation(({ ctx, input }) => setInvoicing(ctx.db, ctx.actor, input)),
  setWaiver: authedProcedure
    .input(waiverInput)
    .mutation(({ ctx, input }) => setInitialisationWaiver(ctx.db, ctx.actor, input)),
  timeEntries: authedProcedure
    .input(z.object({ ticketId: z.string().uuid() }))
    .query(({ ctx, input }) => timeEntriesOf(ctx.db, ctx.actor, input.ticketId)),
  logTime: authedProcedure
    .input(timeEntryInput)
    .mutation(({ ctx, input }) => logTime(ctx.db, ctx.actor, input)),
  jobTimeEntries: authedProcedure
    .input(jobTimeQuery)
    .query(({ ctx, input }) => jobTimeEntries(ctx.db, ctx.actor, input)),
  logJobTime: authedProcedure
    .input(jobTimeEntryInput)
    .mutation(({ ctx, input }) => logJobTime(ctx.db, ctx.actor, input)),
  removeTime: authedProcedure
    .input(id)
    .mutation(({ ctx, input }) => removeTimeEntry(ctx.db, ctx.actor, input.id)),
  draft: authedProcedure
    .input(periodInput)
    .query(({ ctx, input }) => draftStatement(ctx.db, ctx.actor, input, activityReaders)),
  issue: authedProcedure
    .input(periodInput)
    .mutation(({ ctx, input }) => issueStatement(ctx.db, ctx.actor, input, activityReaders, ctx.now())),
  statements: authedProcedure
    .input(listStatementsInput.optional())
    .query(({ ctx, input }) => listStatements(ctx.db, ctx.actor, input)),
  statement: authedProcedure.input(id).query(({ ctx, input }) => getStatement(ctx.db, ctx.actor, input.id)),
  recordPayment: authedProcedure
    .input(paymentInput)
    .mutation(({ ctx, input }) => recordPayment(ctx.db, ctx.actor, input)),
  creditNote: authedProcedure
    .input(creditNoteInput)
    .mutation(({ ctx, input }) => issueCreditNote(ctx.db, ctx.actor, input, ctx.now())),
  year: authedProcedure
    .input(yearInput)
    .query(({ ctx, input }) => yearView(ctx.db, ctx.actor, input, activityReaders)),
});
