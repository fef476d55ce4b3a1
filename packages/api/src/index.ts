export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { createContext, actorOf, type ApiContext, type Actor } from "./context.ts";
export type { ErrorData } from "./errors.ts";
