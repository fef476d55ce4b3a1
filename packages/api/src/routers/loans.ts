import {
  addLossFile,
  assetIdInput,
  calendarInput,
  cancelLoan,
  cancelReservation,
  claimInput,
  createLoan,
  createLoanInput,
  declareLoss,
  declareLossInput,
  documentRef,
  getLoan,
  inventoryInput,
  listLoans,
  listLoansInput,
  loanCalendar,
  loanFormOptions,
  loanIdInput,
  loansOfAsset,
  lossFileInput,
  onSiteSignOffInput,
  recordRemedy,
  remedyInput,
  requestCodeInput,
  requestSignOffCode,
  reserveAsset,
  reserveInput,
  returnInput,
  saveInventory,
  saveReturn,
  saveTestTemplate,
  setClaimStatus,
  signOff,
  signOffOnSite,
  startReturn,
  startService,
  templateInput,
  testTemplates,
} from "@mutuo/core/loans";
import { authedProcedure, router } from "../trpc.ts";

export const loansRouter = router({
  list: authedProcedure
    .input(listLoansInput)
    .query(({ ctx, input }) => listLoans(ctx.db, ctx.actor, input, ctx.now())),
  get: authedProcedure
    .input(loanIdInput)
    .query(({ ctx, input }) => getLoan(ctx.db, ctx.actor, input.id, ctx.now())),
  formOptions: authedProcedure.query(({ ctx }) => loanFormOptions(ctx.db, ctx.actor, ctx.now())),
  calendar: authedProcedure
    .input(calendarInput)
    .query(({ ctx, input }) => loanCalendar(ctx.db, ctx.actor, input)),
  forAsset: authedProcedure
    .input(assetIdInput)
    .query(({ ctx, input }) => loansOfAsset(ctx.db, ctx.actor, input.assetId)),
  create: authedProcedure
    .input(createLoanInput)
    .mutation(({ ctx, input }) => createLoan(ctx.db, ctx.actor, input, ctx.now())),
  cancel: authedProcedure
    .input(loanIdInput)
    .mutation(({ ctx, input }) => cancelLoan(ctx.db, ctx.actor, input.id, ctx.now())),
  saveInventory: authedProcedure
    .input(inventoryInput)
    .mutation(({ ctx, input }) => saveInventory(ctx.db, ctx.actor, input)),
  startService: authedProcedure
    .input(loanIdInput)
    .mutation(({ ctx, input }) => startService(ctx.db, ctx.actor, input.id, ctx.now())),
  startReturn: authedProcedure
    .input(loanIdInput)
    .mutation(({ ctx, input }) => startReturn(ctx.db, ctx.actor, input.id)),
  saveReturn: authedProcedure
    .input(returnInput)
    .mutation(({ ctx, input }) => saveReturn(ctx.db, ctx.actor, input)),
  signOff: authedProcedure
    .input(documentRef)
    .mutation(({ ctx, input }) =>
      signOff(ctx.db, ctx.actor, input, { sessionId: ctx.session?.id, now: ctx.now() }),
    ),
  requestCode: authedProcedure
    .input(requestCodeInput)
    .mutation(({ ctx, input }) => requestSignOffCode(ctx.db, ctx.actor, input, ctx.now())),
  signOffOnSite: authedProcedure
    .input(onSiteSignOffInput)
    .mutation(({ ctx, input }) =>
      signOffOnSite(ctx.db, ctx.actor, input, { sessionId: ctx.session?.id, now: ctx.now() }),
    ),
  declareLoss: authedProcedure
    .input(declareLossInput)
    .mutation(({ ctx, input }) => declareLoss(ctx.db, ctx.actor, input, ctx.now())),
  setClaim: authedProcedure
    .input(claimInput)
    .mutation(({ ctx, input }) => setClaimStatus(ctx.db, ctx.actor, input)),
  addLossFile: authedProcedure
    .input(lossFileInput)
    .mutation(({ ctx, input }) => addLossFile(ctx.db, ctx.files, ctx.actor, input)),
  recordRemedy: authedProcedure
    .input(remedyInput)
    .mutation(({ ctx, input }) => recordRemedy(ctx.db, ctx.actor, input, ctx.now())),
  reserve: authedProcedure
    .input(reserveInput)
    .mutation(({ ctx, input }) => reserveAsset(ctx.db, ctx.actor, input, ctx.now())),
  cancelReservation: authedProcedure
    .input(loanIdInput)
    .mutation(({ ctx, input }) => cancelReservation(ctx.db, ctx.actor, input.id, ctx.now())),
  templates: authedProcedure.query(({ ctx }) => testTemplates(ctx.db, ctx.actor)),
  saveTemplate: authedProcedure
    .input(templateInput)
    .mutation(({ ctx, input }) => saveTestTemplate(ctx.db, ctx.actor, input)),
});
