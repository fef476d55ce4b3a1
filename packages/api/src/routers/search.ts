import { globalSearch, globalSearchInput } from "@mutuo/core/search";
import { authedProcedure, router } from "../trpc.ts";

export const searchRouter = router({
  global: authedProcedure
    .input(globalSearchInput)
    .query(({ ctx, input }) => globalSearch(ctx.db, ctx.actor, input, ctx.now())),
});
