export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { createContext, type ApiContext, type Actor } from "./context.ts";
export type { ErrorData } from "./errors.ts";
