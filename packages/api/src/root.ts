import { assetsRouter } from "./routers/assets.ts";
import { auditRouter } from "./routers/audit.ts";
import { billingRouter } from "./routers/billing.ts";
import { bodiesRouter } from "./routers/bodies.ts";
import { calendarsRouter } from "./routers/calendars.ts";
import { cannedRepliesRouter } from "./routers/canned-replies.ts";
import { catalogueRouter } from "./routers/catalogue.ts";
import { conventionsRouter } from "./routers/conventions.ts";
import { healthRouter } from "./routers/health.ts";
import { incomingRouter } from "./routers/incoming.ts";
import { mailboxRouter } from "./routers/mailbox.ts";
import { meRouter } from "./routers/me.ts";
import { migrationsRouter } from "./routers/migrations.ts";
import { peopleRouter } from "./routers/people.ts";
import { retentionRouter } from "./routers/retention.ts";
import { reportsRouter } from "./routers/reports.ts";
import { ticketsRouter } from "./routers/tickets.ts";
import { searchRouter } from "./routers/search.ts";
import { viewsRouter } from "./routers/views.ts";
import { loansRouter } from "./routers/loans.ts";
import { trainingRouter } from "./routers/training.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  health: healthRouter,
  bodies: bodiesRouter,
  catalogue: catalogueRouter,
  calendars: calendarsRouter,
  conventions: conventionsRouter,
  me: meRouter,
  people: peopleRouter,
  audit: auditRouter,
  tickets: ticketsRouter,
  mailbox: mailboxRouter,
  incoming: incomingRouter,
  search: searchRouter,
  views: viewsRouter,
  cannedReplies: cannedRepliesRouter,
  retention: retentionRouter,
  migrations: migrationsRouter,
  billing: billingRouter,
  reports: reportsRouter,
  assets: assetsRouter,
  loans: loansRouter,
  training: trainingRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
