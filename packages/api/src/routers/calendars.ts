import { z } from "zod";
import {
  addClosure,
  calendarInput,
  closureInput,
  createCalendar,
  getCalendar,
  listCalendars,
  previewCalendar,
  previewInput,
  removeClosure,
  updateCalendar,
} from "@mutuo/core/calendars";
import { authedProcedure, router } from "../trpc.ts";

const id = z.object({ id: z.string().uuid() });

export const calendarsRouter = router({
  list: authedProcedure.query(({ ctx }) => listCalendars(ctx.db, ctx.actor)),
  get: authedProcedure.input(id).query(({ ctx, input }) => getCalendar(ctx.db, ctx.actor, input.id)),
  preview: authedProcedure
    .input(previewInput)
    .query(({ ctx, input }) => previewCalendar(ctx.db, ctx.actor, input)),
  create: authedProcedure
    .input(calendarInput)
    .mutation(({ ctx, input }) => createCalendar(ctx.db, ctx.actor, input)),
  update: authedProcedure
    .input(z.object({ id: z.string().uuid(), calendar: calendarInput }))
    .mutation(({ ctx, input }) => updateCalendar(ctx.db, ctx.actor, input.id, input.calendar)),
  addClosure: authedProcedure
    .input(closureInput)
    .mutation(({ ctx, input }) => addClosure(ctx.db, ctx.actor, input)),
  removeClosure: authedProcedure
    .input(id)
    .mutation(({ ctx, input }) => removeClosure(ctx.db, ctx.actor, input.id)),
});
