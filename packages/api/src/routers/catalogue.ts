import { countActiveServices, listServices, listServicesInput } from "@mutuo/core/catalogue";
import { publicProcedure, router } from "../trpc.ts";

export const catalogueRouter = router({
  list: publicProcedure.input(listServicesInput.optional()).query(({ ctx, input }) => listServices(ctx.db, input)),
  countActive: publicProcedure.query(({ ctx }) => countActiveServices(ctx.db)),
});
