import {
  createQueueView,
  createViewInput,
  deleteQueueView,
  listQueueViews,
  renameQueueView,
  renameViewInput,
  viewIdInput,
} from "@mutuo/core/tickets";
import { authedProcedure, router } from "../trpc.ts";

/** Saved queue views: a person's own and the shared ones managers define. */
export const viewsRouter = router({
  list: authedProcedure.query(({ ctx }) => listQueueViews(ctx.db, ctx.actor, ctx.now())),
  create: authedProcedure
    .input(createViewInput)
    .mutation(({ ctx, input }) => createQueueView(ctx.db, ctx.actor, input)),
  rename: authedProcedure
    .input(renameViewInput)
    .mutation(({ ctx, input }) => renameQueueView(ctx.db, ctx.actor, input)),
  remove: authedProcedure
    .input(viewIdInput)
    .mutation(({ ctx, input }) => deleteQueueView(ctx.db, ctx.actor, input)),
});
