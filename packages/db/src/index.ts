// Public entry of @mutuo/db: the generated Prisma client and a factory bound to a connection URL.
// Packages never read the environment: each app's env module passes the URL in.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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
  const client = new PrismaClient({ adapter });
  urls.set(client, connectionString);
  return client;
}

const urls = new WeakMap<object, string>();

/** A plain pg connection to the database of a client made by createPrismaClient, for what Prisma
 * cannot do (COPY … FROM STDIN streams). The caller closes it with `end()`. */
export async function openRawConnection(db: PrismaClient): Promise<pg.Client> {
  const connectionString = urls.get(db);
  if (!connectionString) throw new Error("openRawConnection: a client made by createPrismaClient is needed");
  const client = new pg.Client({ connectionString });
  await client.connect();
  return client;
}
