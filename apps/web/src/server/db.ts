import { createPrismaClient, type Db } from "@mutuo/db";
import { env } from "../env.ts";

const g = globalThis as unknown as { __mutuoDb?: Db };

/** One Prisma client per server process. */
export function db(): Db {
  g.__mutuoDb ??= createPrismaClient(env().databaseUrl);
  return g.__mutuoDb;
}
