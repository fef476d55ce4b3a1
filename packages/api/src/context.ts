import type { Db, Role } from "@mutuo/db";

/** Who is calling: resolved from the session by the web app (identity arrives with its own issue). */
export interface Actor {
  userId: string;
  role: Role;
  /** Bodies a partner agent belongs to; provider staff see all bodies. */
  bodyIds: string[];
}

export interface ApiContext {
  db: Db;
  actor: Actor | null;
  /** Where the health check finds the database and the migrations. */
  system: { connectionString: string; migrationsDir: string };
}

export function createContext(ctx: ApiContext): ApiContext {
  return ctx;
}
