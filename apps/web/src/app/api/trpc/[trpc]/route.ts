import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@mutuo/api";
import { apiContext } from "../../../../server/api.ts";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: apiContext });
}

export { handler as GET, handler as POST };
