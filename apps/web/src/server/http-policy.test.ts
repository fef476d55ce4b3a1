import { describe, expect, it } from "vitest";
import {
  apiContentTypeRefusal,
  contentSecurityPolicy,
  crossSiteRefusal,
  REFUSED,
  securityHeaders,
} from "./http-policy.ts";

const post = (origin: string | null, secFetchSite: string | null = null, host = "mutuo.local:3000") => ({
  method: "POST",
  origin,
  secFetchSite,
  host,
});

describe("content security policy", () => {
  it("allows scripts by nonce only, never eval in production, and no framing", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { dev: false, https: true })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { dev: true, https: false })).toContain("'unsafe-eval'");
  });

  it("sends HSTS over HTTPS only", () => {
    expect(securityHeaders({ https: false })).not.toHaveProperty("strict-transport-security");
    expect(securityHeaders({ https: true })["strict-transport-security"]).toMatch(/max-age=31536000/);
    expect(securityHeaders({ https: false })).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
    });
  });
});

describe("cross-site requests", () => {
  const base = "https://mutuo.example.fr";
  it("accepts our own origin, the request's own host, and programs that name no origin", () => {
    expect(crossSiteRefusal(post("https://mutuo.example.fr"), base)).toBeNull();
    expect(crossSiteRefusal(post("http://mutuo.local:3000"), base)).toBeNull();
    expect(crossSiteRefusal(post(null), base)).toBeNull();
    expect(crossSiteRefusal(post(null, "same-origin"), base)).toBeNull();
  });

  it("refuses another site, an opaque origin, or a cross-site fetch without Origin", () => {
    expect(crossSiteRefusal(post("https://evil.example"), base)).toBe(REFUSED.crossSite);
    expect(crossSiteRefusal(post("https://mutuo.example.fr.evil.example"), base)).toBe(REFUSED.crossSite);
    expect(crossSiteRefusal(post("null"), base)).toBe(REFUSED.crossSite);
    expect(crossSiteRefusal(post("not a url"), base)).toBe(REFUSED.crossSite);
    expect(crossSiteRefusal(post(null, "cross-site"), base)).toBe(REFUSED.crossSite);
    expect(crossSiteRefusal(post(null, "same-site"), base)).toBe(REFUSED.crossSite);
    expect(crossSiteRefusal(post("https://evil.example"), undefined)).toBe(REFUSED.crossSite);
  });

  it("lets reads through whatever their origin", () => {
    expect(crossSiteRefusal({ ...post("https://evil.example"), method: "GET" }, base)).toBeNull();
  });

  it("accepts only JSON on the API", () => {
    expect(apiContentTypeRefusal("POST", "application/json")).toBeNull();
    expect(apiContentTypeRefusal("POST", "application/json; charset=utf-8")).toBeNull();
    for (const type of [
      "multipart/form-data; boundary=x",
      "application/x-www-form-urlencoded",
      "text/plain",
      null,
    ])
      expect(apiContentTypeRefusal("POST", type)).toBe(REFUSED.contentType);
    expect(apiContentTypeRefusal("GET", null)).toBeNull();
  });
});
