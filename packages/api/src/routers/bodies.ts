import { countPartnerBodiesByKind, listBodies, listBodiesInput } from "@mutuo/core/identity";
import { publicProcedure, router } from "../trpc.ts";

// Read-only directory of bodies. Access rules per role arrive with the identity issue.
export const bodiesRouter = router({
  list: publicProcedure.input(listBodiesInput).query(({ ctx, input }) => listBodies(ctx.db, input)),
  countByKind: publicProcedure.query(({ ctx }) => countPartnerBodiesByKind(ctx.db)),
});
