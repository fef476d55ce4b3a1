// Integration: a real HTTP server with the peer stamp the web app is started with (peer-address.mjs),
// the address rule and the sign-in service on a real database. Forging X-Forwarded-For must not get
// a client around the per-address limit; behind a trusted proxy, the forwarded address counts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "@mutuo/core/identity";
import { DEMO_PASSWORD, seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import "../../peer-address.mjs";
import { clientAddress, parseTrustedProxies, PEER_HEADER } from "./client-address.ts";

describe("sign-in throttling behind forged or trusted forwarded headers", () => {
  let tdb: TestDatabase;
  let trusted = parseTrustedProxies(undefined);
  let server: http.Server;
  let base = "";

  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
    server = http.createServer((req, res) => {
      const ip = clientAddress(
        {
          peer: String(req.headers[PEER_HEADER] ?? ""),
          forwardedFor: (req.headers["x-forwarded-for"] as string | undefined) ?? null,
          realIp: (req.headers["x-real-ip"] as string | undefined) ?? null,
        },
        trusted,
      );
      const url = new URL(req.url!, "http://x");
      const credentials = {
        email: url.searchParams.get("email")!,
        password: url.searchParams.get("password")!,
      };
      signIn({ db: tdb.prisma() }, credentials, { ip }).then(
        () => res.end(`ok ${ip}`),
        (e: { code?: string; message?: string }) => res.end(`${e.code} ${e.message} ${ip}`),
      );
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await tdb.drop();
  });

  const attempt = async (email: string, password: string, forged: string) =>
    (
      await fetch(`${base}/?${new URLSearchParams({ email, password })}`, {
        headers: { "x-forwarded-for": forged, "x-real-ip": forged, [PEER_HEADER]: forged },
      })
    ).text();

  it("counts a client's failures under its own address, whatever it forges", async () => {
    for (let i = 1; i <= 20; i++)
      expect(await attempt(`inconnu${i}@exemple.example`, "mauvais-mot-de-passe", `198.51.100.${i}`)).toBe(
        "UNAUTHENTICATED sign-in required 127.0.0.1",
      );
    // The right password, "from" yet another address: refused, the limit is this client's.
    expect(await attempt("agent@bellerive.example", DEMO_PASSWORD, "203.0.113.99")).toBe(
      "RATE_LIMITED too many attempts from this address 127.0.0.1",
    );
    const recorded = await tdb.prisma().loginAttempt.findMany({ select: { ip: true }, distinct: ["ip"] });
    expect(recorded).toEqual([{ ip: "127.0.0.1" }]);
  });

  it("believes the forwarded address from a trusted proxy only", async () => {
    trusted = parseTrustedProxies("127.0.0.1");
    expect(await attempt("agent@bellerive.example", DEMO_PASSWORD, "203.0.113.99")).toBe("ok 203.0.113.99");
    // A client behind the proxy cannot pick its address: the proxy appends the real one, right-most.
    expect(await attempt("agent@bellerive.example", DEMO_PASSWORD, "127.0.0.1, 203.0.113.42")).toBe(
      "ok 203.0.113.42",
    );
  });
});
