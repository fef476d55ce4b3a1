import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@mutuo/api";
import { apiContext } from "../../../../server/api.ts";
import { apiContentTypeRefusal } from "../../../../server/http-policy.ts";

export const dynamic = "force-dynamic";

// Requests from another site were already refused by the proxy (src/proxy.ts); a form post from
// one (urlencoded, multipart, text: no preflight) is refused here by its type, whatever its origin.
function handler(req: Request) {
  const refusal = apiContentTypeRefusal(req.method, req.headers.get("content-type"));
  if (refusal)
    return new Response(refusal, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  return fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: apiContext });
}

export { handler as GET, handler as POST };
