// Passes the requested path to the server components (a request header), so that a page asking
// for a sign-in can send the person back to it afterwards.
import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "./lib/next-path.ts";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon|icon).*)" }],
};
