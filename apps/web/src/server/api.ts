import { createCaller, createContext, type ApiContext } from "@mutuo/api";
import { localFileStore } from "@mutuo/core/files";
import { loadSecretKey, type TotpDeps } from "@mutuo/core/identity";
import { env } from "../env.ts";
import { now } from "./clock.ts";
import { db } from "./db.ts";
import { clientInfo, currentSession } from "./session.ts";

export async function apiContext(): Promise<ApiContext> {
  const e = env();
  return createContext({
    db: db(),
    session: await currentSession(),
    files: localFileStore(e.filesDir),
    now,
    baseUrl: e.baseUrl ?? "http://localhost:3000",
    retentionMonths: e.retentionMonths,
    system: { connectionString: e.databaseUrl, migrationsDir: e.migrationsDir },
    clientIp: async () => (await clientInfo()).ip,
  });
}

/** Server components and actions call the same procedures as the browser, through a caller. */
export async function api() {
  return createCaller(await apiContext());
}

let secretKey: Promise<Uint8Array> | undefined;

/** Dependencies of the sign-in services (used by server actions before a session exists). */
export async function authDeps(): Promise<TotpDeps> {
  secretKey ??= loadSecretKey(env().secretKey);
  return { db: db(), secretKey: await secretKey };
}
