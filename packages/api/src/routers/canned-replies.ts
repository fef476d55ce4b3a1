import {
  cannedForTicketInput,
  cannedRepliesForTicket,
  cannedReplyIdInput,
  createCannedReply,
  createCannedReplyInput,
  deleteCannedReply,
  getCannedReply,
  listCannedReplies,
  updateCannedReply,
  updateCannedReplyInput,
} from "@mutuo/core/canned-replies";
import { authedProcedure, router } from "../trpc.ts";

export const cannedRepliesRouter = router({
  list: authedProcedure.query(({ ctx }) => listCannedReplies(ctx.db, ctx.actor)),
  get: authedProcedure
    .input(cannedReplyIdInput)
    .query(({ ctx, input }) => getCannedReply(ctx.db, ctx.actor, input)),
  forTicket: authedProcedure
    .input(cannedForTicketInput)
    .query(({ ctx, input }) => cannedRepliesForTicket(ctx.db, ctx.actor, input)),
  create: authedProcedure
    .input(createCannedReplyInput)
    .mutation(({ ctx, input }) => createCannedReply(ctx.db, ctx.actor, input)),
  update: authedProcedure
    .input(updateCannedReplyInput)
    .mutation(({ ctx, input }) => updateCannedReply(ctx.db, ctx.actor, input)),
  remove: authedProcedure
    .input(cannedReplyIdInput)
    .mutation(({ ctx, input }) => deleteCannedReply(ctx.db, ctx.actor, input)),
});
