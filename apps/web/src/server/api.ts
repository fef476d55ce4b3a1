import { createCaller, createContext, type ApiContext } from "@mutuo/api";
import { env } from "../env.ts";
import { db } from "./db.ts";

/** The request's API context. The actor comes from the session once identity exists. */
export async function apiContext(): Promise<ApiContext> {
  const e = env();
  return createContext({ db: db(), actor: null, system: { connectionString: e.databaseUrl, migrationsDir: e.migrationsDir } });
}

/** Server components call the same procedures as the browser, through a caller. */
export async function api() {
  return createCaller(await apiContext());
}
