// Public entry of @mutuo/db: the generated Prisma client and a factory bound to a connection URL.
// Packages never read the environment: each app's env module passes the URL in.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export * from "../generated/prisma/client.ts";
export { Prisma } from "../generated/prisma/client.ts";

export type Db = PrismaClient;
/** A Prisma client or the transaction client handed to `$transaction(async (tx) => …)`. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface CreatePrismaOptions {
  /** Maximum pool size of the underlying pg pool. */
  max?: number;
}

export function createPrismaClient(
  connectionString: string,
  options: CreatePrismaOptions = {},
): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}
