import { z } from "zod";
import {
  getOutboxMessage,
  listOutbox,
  listOutboxInput,
  retryAllFailed,
  retryOutbox,
  requestMailTest,
  lastMailTest,
  outboxHealth,
} from "@mutuo/core/notifications";
import { sendJob } from "@mutuo/core/jobs";
import { authedProcedure, router } from "../trpc.ts";

const id = z.object({ id: z.string().uuid() });

/** The built-in mailbox (administrators): every e-mail Mutuo sends, with delivery state and retry. */
export const mailboxRouter = router({
  list: authedProcedure
    .input(listOutboxInput)
    .query(({ ctx, input }) => listOutbox(ctx.db, ctx.actor, input)),
  get: authedProcedure
    .input(id)
    .query(({ ctx, input }) => getOutboxMessage(ctx.db, ctx.actor, input.id, ctx.baseUrl)),
  retry: authedProcedure
    .input(id)
    .mutation(({ ctx, input }) => retryOutbox(ctx.db, ctx.actor, input.id, ctx.now())),
  retryAllFailed: authedProcedure.mutation(({ ctx }) => retryAllFailed(ctx.db, ctx.actor, ctx.now())),
  testConfiguration: authedProcedure.mutation(({ ctx }) =>
    requestMailTest(
      ctx.db,
      ctx.actor,
      (name, data) => sendJob(ctx.system.connectionString, name, data),
      ctx.now(),
    ),
  ),
  lastTest: authedProcedure.query(({ ctx }) => lastMailTest(ctx.db, ctx.actor)),
  health: authedProcedure.query(({ ctx }) => outboxHealth(ctx.db, ctx.actor)),
});
