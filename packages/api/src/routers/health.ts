import { checkHealth } from "@mutuo/core/health";
import { publicProcedure, router } from "../trpc.ts";

export const healthRouter = router({
  check: publicProcedure.query(({ ctx }) => checkHealth({ db: ctx.db, ...ctx.system })),
});
