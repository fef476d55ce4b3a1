import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { DomainError } from "@mutuo/core/errors";
import { requireActor } from "@mutuo/core/identity";
import { actorOf, type ApiContext } from "./context.ts";
import { errorData, toTRPCError } from "./errors.ts";

const t = initTRPC.context<ApiContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    // Never leak internals (SQL, stack) to the client.
    return {
      ...shape,
      message: internal ? "Internal error" : shape.message,
      data: { ...shape.data, stack: undefined, ...errorData(error) },
    };
  },
});

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Open to anyone, signed in or not. Only for what is public by nature (health, the catalogue). */
export const publicProcedure = t.procedure.use(domainErrors);

/** Signed in (second factor included). The actor is passed explicitly to every service. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  const actor = requireActor(actorOf(ctx));
  return next({ ctx: { ...ctx, actor, now: ctx.now ?? (() => new Date()) } });
});
