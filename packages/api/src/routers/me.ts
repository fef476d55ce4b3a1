import { z } from "zod";
import {
  countRecoveryCodes,
  exportPersonalData,
  getPerson,
  listSessions,
  regenerateRecoveryCodes,
  revokeAllSessions,
  revokeSession,
  setActiveBody,
} from "@mutuo/core/identity";
import { getPreferences, preferencesInput, setPreferences } from "@mutuo/core/notifications";
import { authedProcedure, router } from "../trpc.ts";

export const meRouter = router({
  get: authedProcedure.query(async ({ ctx }) => ({
    person: await getPerson(ctx.db, ctx.actor, ctx.actor.userId),
    activeBodyId: ctx.actor.activeBodyId,
    currentSessionId: ctx.session!.id,
    recoveryCodesLeft: await countRecoveryCodes(ctx.db, ctx.actor.userId),
  })),
  setActiveBody: authedProcedure
    .input(z.object({ bodyId: z.string().uuid().nullable() }))
    .mutation(({ ctx, input }) => setActiveBody(ctx.db, ctx.session!, input.bodyId)),
  sessions: authedProcedure.query(({ ctx }) => listSessions(ctx.db, ctx.actor.userId)),
  revokeSession: authedProcedure
    .input(z.object({ sessionId: z.string().regex(/^[0-9A-Za-z_-]{64}$/, "invalid") }))
    .mutation(({ ctx, input }) => revokeSession(ctx.db, input.sessionId, ctx.actor.userId)),
  revokeOtherSessions: authedProcedure.mutation(({ ctx }) =>
    revokeAllSessions(ctx.db, ctx.actor.userId, new Date(), ctx.session!.id),
  ),
  notificationPrefs: authedProcedure.query(({ ctx }) => getPreferences(ctx.db, ctx.actor)),
  setNotificationPrefs: authedProcedure
    .input(preferencesInput)
    .mutation(({ ctx, input }) => setPreferences(ctx.db, ctx.actor, input)),
  regenerateRecoveryCodes: authedProcedure.mutation(({ ctx }) =>
    regenerateRecoveryCodes(ctx.db, ctx.actor, ctx.now()),
  ),
  exportData: authedProcedure.query(({ ctx }) => exportPersonalData(ctx.db, ctx.actor, ctx.actor.userId)),
});
