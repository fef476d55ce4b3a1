// A session's device in words (« Firefox sur Windows ») instead of a raw user-agent string.
import Bowser from "bowser";

export function describeUserAgent(ua: string | null | undefined): { browser: string; os: string } | null {
  if (!ua) return null;
  const parsed = Bowser.parse(ua);
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  if (!browser && !os) return null;
  return { browser: browser || "?", os: os || "?" };
}
