import { z } from "zod";
import {
  bodyInput,
  countPartnerBodiesByKind,
  createBody,
  getBody,
  importBodiesCsv,
  listBodies,
  listBodiesInput,
  listCommunes,
  updateBody,
} from "@mutuo/core/identity";
import { authedProcedure, router } from "../trpc.ts";

const id = z.object({ id: z.string().uuid() });

export const bodiesRouter = router({
  list: authedProcedure
    .input(listBodiesInput)
    .query(({ ctx, input }) => listBodies(ctx.db, ctx.actor, input)),
  countByKind: authedProcedure.query(({ ctx }) => countPartnerBodiesByKind(ctx.db, ctx.actor)),
  get: authedProcedure.input(id).query(({ ctx, input }) => getBody(ctx.db, ctx.actor, input.id)),
  communes: authedProcedure.query(({ ctx }) => listCommunes(ctx.db, ctx.actor)),
  create: authedProcedure.input(bodyInput).mutation(({ ctx, input }) => createBody(ctx.db, ctx.actor, input)),
  update: authedProcedure
    .input(z.object({ id: z.string().uuid(), body: bodyInput }))
    .mutation(({ ctx, input }) => updateBody(ctx.db, ctx.actor, input.id, input.body)),
  importCsv: authedProcedure
    .input(z.object({ content: z.string().min(1).max(5_000_000) }))
    .mutation(({ ctx, input }) => importBodiesCsv(ctx.db, ctx.actor, input.content)),
});
