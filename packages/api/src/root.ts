import { bodiesRouter } from "./routers/bodies.ts";
import { catalogueRouter } from "./routers/catalogue.ts";
import { healthRouter } from "./routers/health.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  health: healthRouter,
  bodies: bodiesRouter,
  catalogue: catalogueRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
