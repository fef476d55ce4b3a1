import { z } from "zod";
import {
  countActiveServices,
  createService,
  defaultTermsInput,
  getService,
  getServiceAlerts,
  listServices,
  listServicesInput,
  serviceInput,
  setDefaultTerms,
  updateService,
} from "@mutuo/core/catalogue";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

const id = z.object({ id: z.string().uuid() });

export const catalogueRouter = router({
  list: publicProcedure
    .input(listServicesInput.optional())
    .query(({ ctx, input }) => listServices(ctx.db, input)),
  countActive: publicProcedure.query(({ ctx }) => countActiveServices(ctx.db)),
  get: publicProcedure.input(id).query(({ ctx, input }) => getService(ctx.db, input.id)),
  alerts: authedProcedure.input(id).query(({ ctx, input }) => getServiceAlerts(ctx.db, ctx.actor, input.id)),
  create: authedProcedure
    .input(serviceInput)
    .mutation(({ ctx, input }) => createService(ctx.db, ctx.actor, input)),
  update: authedProcedure
    .input(z.object({ id: z.string().uuid(), service: serviceInput }))
    .mutation(({ ctx, input }) => updateService(ctx.db, ctx.actor, input.id, input.service)),
  setDefaultTerms: authedProcedure
    .input(defaultTermsInput)
    .mutation(({ ctx, input }) => setDefaultTerms(ctx.db, ctx.actor, input)),
});
