import { z } from "zod";
import {
  anonymisePerson,
  exportPersonalData,
  getPerson,
  invitePerson,
  inviteInput,
  listPeople,
  listPeopleInput,
  resendInvitation,
  resetSecondFactor,
  updatePerson,
  updatePersonInput,
} from "@mutuo/core/identity";
import { authedProcedure, router } from "../trpc.ts";

const userId = z.object({ userId: z.string().uuid() });

export const peopleRouter = router({
  list: authedProcedure
    .input(listPeopleInput)
    .query(({ ctx, input }) => listPeople(ctx.db, ctx.actor, input)),
  get: authedProcedure.input(userId).query(({ ctx, input }) => getPerson(ctx.db, ctx.actor, input.userId)),
  invite: authedProcedure
    .input(inviteInput)
    .mutation(({ ctx, input }) => invitePerson(ctx, ctx.actor, input)),
  resendInvitation: authedProcedure
    .input(userId)
    .mutation(({ ctx, input }) => resendInvitation(ctx, ctx.actor, input.userId)),
  update: authedProcedure
    .input(updatePersonInput)
    .mutation(({ ctx, input }) => updatePerson(ctx, ctx.actor, input)),
  exportData: authedProcedure
    .input(userId)
    .query(({ ctx, input }) => exportPersonalData(ctx.db, ctx.actor, input.userId)),
  resetSecondFactor: authedProcedure
    .input(userId)
    .mutation(({ ctx, input }) => resetSecondFactor(ctx.db, ctx.actor, input.userId, ctx.now())),
  anonymise: authedProcedure
    .input(userId)
    .mutation(({ ctx, input }) => anonymisePerson(ctx.db, ctx.actor, input.userId)),
});
