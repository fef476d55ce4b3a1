// Integration: a real HTTP server with the Server-Timing preload the web app is started with. A
// request that resolves a session and runs queries gets a header naming each part, and the queries
// of two concurrent requests are not mixed up.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import "../../server-timing.mjs";
import { timeSession } from "./timing.ts";

function parse(header: string | null) {
  const parts = Object.fromEntries(
    (header ?? "").split(", ").map((p) => {
      const [name, ...rest] = p.split(";");
      const dur = Number(rest.find((r) => r.startsWith("dur="))?.slice(4));
      const desc = rest.find((r) => r.startsWith("desc="))?.slice(5);
      return [name, { dur, desc }];
    }),
  );
  return parts as Record<string, { dur: number; desc?: string }>;
}

describe("Server-Timing", () => {
  let tdb: TestDatabase;
  let server: http.Server;
  let base = "";

  beforeAll(async () => {
    tdb = await createTestDatabase();
    server = http.createServer((req, res) => {
      const n = Number(new URL(req.url!, "http://x").searchParams.get("n"));
      void (async () => {
        await timeSession(() => tdb.prisma().$queryRaw`SELECT pg_sleep(0.02)::text AS slept`);
        for (let i = 0; i < n; i++) await tdb.prisma().$queryRaw`SELECT 1`;
        res.end("ok");
      })().catch((e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await tdb?.drop();
  });

  it("names session, database, render and total time, with the number of queries", async () => {
    const [a, b] = await Promise.all([fetch(`${base}/?n=3`), fetch(`${base}/?n=7`)]);
    const ta = parse(a.headers.get("server-timing"));
    const tb = parse(b.headers.get("server-timing"));
    expect(ta.session!.dur).toBeGreaterThanOrEqual(15);
    expect(ta.db!.desc).toBe('"3 queries"');
    expect(tb.db!.desc).toBe('"7 queries"');
    for (const t of [ta, tb]) {
      expect(t.render!.dur).toBeGreaterThanOrEqual(0);
      expect(t.total!.dur).toBeGreaterThanOrEqual(t.session!.dur + t.db!.dur);
    }
  });
});
