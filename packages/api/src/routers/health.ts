import { checkHealthFor } from "@mutuo/core/health";
import { actorOf } from "../context.ts";
import { publicProcedure, router } from "../trpc.ts";

export const healthRouter = router({
  check: publicProcedure.query(({ ctx }) => checkHealthFor({ db: ctx.db, ...ctx.system }, actorOf(ctx))),
});
