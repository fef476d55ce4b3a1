// Where to go after signing in: only a path of this site (never another origin, never back to
// the sign-in pages), so that a crafted link cannot send a person elsewhere.

/** Request header carrying the requested path (set by proxy.ts). */
export const PATH_HEADER = "x-mutuo-path";

/** The query parameter of the sign-in pages holding the destination. */
export const NEXT_PARAM = "suite";

export function safeNextPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 1000) return null;
  // One leading slash, then not a slash or backslash ("//evil", "/\\evil" are other origins).
  if (!/^\/(?![/\\])/.test(raw)) return null;
  // Control characters (a line break hides a second URL from some checks) and backslashes.
  if ([...raw].some((c) => c.charCodeAt(0) < 32 || c === "\\")) return null;
  let url: URL;
  try {
    url = new URL(raw, "http://mutuo.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://mutuo.invalid") return null;
  if (url.pathname === "/connexion" || url.pathname.startsWith("/connexion/")) return null;
  return url.pathname + url.search + url.hash;
}

/** The sign-in page, remembering where the person was going. */
export function signInPath(next: string | null | undefined, page = "/connexion"): string {
  const safe = safeNextPath(next);
  return safe && safe !== "/" ? `${page}?${NEXT_PARAM}=${encodeURIComponent(safe)}` : page;
}
