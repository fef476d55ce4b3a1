import {
  acceptIncoming,
  acceptIncomingInput,
  countQuarantined,
  getIncoming,
  incomingIdInput,
  listIncoming,
  listIncomingInput,
  rejectIncoming,
} from "@mutuo/core/incoming";
import { authedProcedure, router } from "../trpc.ts";

/** E-mails received on the support mailbox and the quarantine (provider staff). */
export const incomingRouter = router({
  list: authedProcedure
    .input(listIncomingInput)
    .query(({ ctx, input }) => listIncoming(ctx.db, ctx.actor, input)),
  count: authedProcedure.query(({ ctx }) => countQuarantined(ctx.db, ctx.actor)),
  get: authedProcedure
    .input(incomingIdInput)
    .query(({ ctx, input }) => getIncoming(ctx.db, ctx.actor, input.id)),
  accept: authedProcedure
    .input(acceptIncomingInput)
    .mutation(({ ctx, input }) => acceptIncoming(ctx.db, ctx.files, ctx.actor, input, ctx.now())),
  reject: authedProcedure
    .input(incomingIdInput)
    .mutation(({ ctx, input }) => rejectIncoming(ctx.db, ctx.files, ctx.actor, input, ctx.now())),
});
