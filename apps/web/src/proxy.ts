// Runs before routing, on every request but static assets.
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { malformedPathResponse } from "./server/malformed-url.ts";

export function proxy(request: NextRequest) {
  return malformedPathResponse(request) ?? NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
