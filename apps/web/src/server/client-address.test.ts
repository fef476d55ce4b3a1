import { describe, expect, it } from "vitest";
import {
  clientAddress,
  forwardedOverHttps,
  normalizeAddress,
  parseTrustedProxies,
} from "./client-address.ts";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("10.0.0.5, 172.16.0.0/12, fd00::/8");
const req = (peer: string | null, forwardedFor: string | null = null, realIp: string | null = null) => ({
  peer,
  forwardedFor,
  realIp,
});

describe("client address", () => {
  it("is the peer when no proxy is trusted, whatever the headers say", () => {
    expect(clientAddress(req("203.0.113.7", "198.51.100.1"), none)).toBe("203.0.113.7");
    expect(clientAddress(req("203.0.113.7", null, "198.51.100.1"), none)).toBe("203.0.113.7");
    // Even a peer that would be a proxy elsewhere: none is configured.
    expect(clientAddress(req("10.0.0.5", "198.51.100.1"), none)).toBe("10.0.0.5");
  });

  it("is the peer when the peer is not a trusted proxy", () => {
    expect(clientAddress(req("203.0.113.7", "10.0.0.5, 198.51.100.1"), proxies)).toBe("203.0.113.7");
  });

  it("takes the right-most address that is not a trusted proxy", () => {
    expect(clientAddress(req("10.0.0.5", "198.51.100.1"), proxies)).toBe("198.51.100.1");
    // The client forged the left part; the proxies appended the real address.
    expect(clientAddress(req("10.0.0.5", "1.2.3.4, 198.51.100.1, 172.16.3.4"), proxies)).toBe("198.51.100.1");
    expect(clientAddress(req("fd00::1", "2001:db8::9, fd12::3"), proxies)).toBe("2001:db8::9");
    // Every hop a trusted proxy: the left-most one.
    expect(clientAddress(req("10.0.0.5", "172.16.0.9, 172.20.0.1"), proxies)).toBe("172.16.0.9");
  });

  it("reads X-Real-IP from a trusted proxy when X-Forwarded-For is absent", () => {
    expect(clientAddress(req("10.0.0.5", null, "198.51.100.1"), proxies)).toBe("198.51.100.1");
    expect(clientAddress(req("10.0.0.5"), proxies)).toBe("10.0.0.5");
  });

  it("stops at garbage in the chain instead of believing it", () => {
    expect(clientAddress(req("10.0.0.5", "198.51.100.1, evil, 172.16.0.2"), proxies)).toBe("172.16.0.2");
    expect(clientAddress(req("10.0.0.5", "'; DROP TABLE"), proxies)).toBe("10.0.0.5");
  });

  it("is unknown without the peer stamp, never a forwarded value", () => {
    expect(clientAddress(req(null, "198.51.100.1"), proxies)).toBe("unknown");
  });

  it("normalises IPv4-mapped, bracketed and ported forms", () => {
    expect(normalizeAddress("::ffff:10.0.0.5")).toBe("10.0.0.5");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("198.51.100.1:5123")).toBe("198.51.100.1");
    expect(normalizeAddress("not-an-ip")).toBeNull();
    expect(clientAddress(req("::ffff:10.0.0.5", "198.51.100.1"), proxies)).toBe("198.51.100.1");
  });

  it("refuses a malformed TRUSTED_PROXIES entry", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/proxy\.local/);
    expect(() => parseTrustedProxies("10.0.0.0/8/1")).toThrow();
    expect(parseTrustedProxies(" , ").has("10.0.0.1")).toBe(false);
  });

  it("believes X-Forwarded-Proto from a trusted proxy only", () => {
    expect(forwardedOverHttps("10.0.0.5", "https", proxies)).toBe(true);
    expect(forwardedOverHttps("10.0.0.5", "http", proxies)).toBe(false);
    expect(forwardedOverHttps("203.0.113.7", "https", proxies)).toBe(false);
    expect(forwardedOverHttps(null, "https", proxies)).toBe(false);
  });
});
