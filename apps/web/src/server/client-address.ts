// Who is on the other end of a request. The direct peer (the socket's address, stamped on the
// request as PEER_HEADER by peer-address.mjs before Next sees it) is the client, unless it is one
// of the configured reverse proxies (TRUSTED_PROXIES): then the forwarded headers are read, from
// the right, and the first address that is not a trusted proxy is the client. Anything left of it
// was written by the client and proves nothing.
import { BlockList, isIP } from "node:net";

/** Set by peer-address.mjs on every request (a client's own value is overwritten). */
export const PEER_HEADER = "x-mutuo-peer";

export interface TrustedProxies {
  has(address: string): boolean;
  /** The configuration as written, for messages. */
  readonly spec: string;
}

/** "::ffff:192.0.2.1" (an IPv4 client on a dual-stack socket) is 192.0.2.1; "[::1]" is ::1. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return isIP(a) ? a.toLowerCase() : null;
}

/** Parses "10.0.0.1, 192.168.0.0/16, fd00::/8" (empty: no proxy is trusted). Throws on a bad entry. */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (spec ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const ip = normalizeAddress(address);
    const family = ip ? (isIP(ip) === 4 ? "ipv4" : "ipv6") : null;
    const bits = prefix === undefined ? null : Number(prefix);
    if (
      !ip ||
      !family ||
      extra !== undefined ||
      (bits !== null && (!/^\d+$/.test(prefix!) || bits > (family === "ipv4" ? 32 : 128)))
    )
      throw new Error(`TRUSTED_PROXIES: « ${entry} » is neither an IP address nor a CIDR block`);
    if (bits === null) list.addAddress(ip, family);
    else list.addSubnet(ip, bits, family);
  }
  return {
    spec: entries.join(", "),
    has(address) {
      const ip = normalizeAddress(address);
      if (!ip || entries.length === 0) return false;
      return list.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6");
    },
  };
}

export interface AddressHeaders {
  /** The socket's address (PEER_HEADER); null when the request did not come through our server. */
  peer: string | null;
  forwardedFor: string | null;
  realIp: string | null;
}

/**
 * The client's address. Without a known peer (e.g. `next dev` started without the stamp), forwarded
 * headers are not trusted and the address is "unknown".
 */
export function clientAddress(h: AddressHeaders, trusted: TrustedProxies): string {
  const peer = normalizeAddress(h.peer);
  if (!peer) return "unknown";
  if (!trusted.has(peer)) return peer;
  const chain = h.forwardedFor
    ? h.forwardedFor.split(",").map((a) => a.trim())
    : h.realIp
      ? [h.realIp.trim()]
      : [];
  let client = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = normalizeAddress(chain[i]);
    // Garbage where an address should be was not written by a proxy we trust: stop at its right.
    if (!address) break;
    client = address;
    if (!trusted.has(address)) break;
  }
  return client;
}

/** Whether the request reached a trusted proxy over HTTPS (its X-Forwarded-Proto says so). */
export function forwardedOverHttps(
  peer: string | null,
  forwardedProto: string | null,
  trusted: TrustedProxies,
) {
  return trusted.has(peer ?? "") && (forwardedProto ?? "").split(",")[0]!.trim().toLowerCase() === "https";
}
