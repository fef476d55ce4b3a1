// A path whose percent-encoding is not valid UTF-8 (e.g. "/tickets/%ED%A0%80", a lone surrogate)
// makes Next's decoding of route parameters throw, which answered 500. Such an address names no page:
// it gets the app's French 404 instead.
import { NextResponse, type NextRequest } from "next/server";

export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** The 404 answer for a malformed path, or null to carry on. */
export function malformedPathResponse(request: NextRequest): NextResponse | null {
  if (!isMalformedPath(request.nextUrl.pathname)) return null;
  return NextResponse.rewrite(new URL("/adresse-invalide", request.url), { status: 404 });
}
