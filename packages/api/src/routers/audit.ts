import { z } from "zod";
import { auditSearchInput, searchAudit } from "@mutuo/core/audit";
import { HISTORY_ENTITIES, historyOfObject } from "@mutuo/core/history";
import { authedProcedure, router } from "../trpc.ts";

export const auditRouter = router({
  history: authedProcedure
    .input(z.object({ entityType: z.enum(HISTORY_ENTITIES), entityId: z.string().uuid() }))
    .query(({ ctx, input }) => historyOfObject(ctx.db, ctx.actor, input.entityType, input.entityId)),
  search: authedProcedure
    .input(auditSearchInput)
    .query(({ ctx, input }) => searchAudit(ctx.db, ctx.actor, input)),
});
