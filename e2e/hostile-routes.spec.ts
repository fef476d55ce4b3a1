// Every page and route of the app (found from apps/web/src/app/**/page.tsx and route.ts, so a new one
// is covered the day it is added), requested with hostile path and query values as a partner agent
// and as a technician: a refusal, a redirect or a 404 is fine; a 5xx fails. Staff pages answer 404
// to partner agents, in French.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { signIn } from "./helpers.ts";

const APP = path.resolve(import.meta.dirname, "..", "apps", "web", "src", "app");

/** URL patterns of the app: "/tickets/[id]", "/api/tickets/attachments/[id]"… */
function routes(): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(APP, { recursive: true, encoding: "utf8" })) {
    const file = entry.split(path.sep).join("/");
    const m = /^(?:(.*)\/)?(page\.tsx|route\.ts)$/.exec(file);
    if (!m) continue;
    const segments = (m[1] ?? "").split("/").filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
    found.push(`/${segments.join("/")}`);
  }
  return [...new Set(found)].sort();
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
/** Hostile values for a dynamic segment (already URL-encoded). */
const SEGMENTS = [
  "a".repeat(36),
  "00000000-0000-0000-0000-000000000000",
  "6f1c2e9a-3b4d-4e5f-8a7b-9c0d1e2f3a4b",
  "%00%27%20OR%201%3D1--",
  "%ED%A0%80",
  "%F0%9F%99%82%E2%80%AE" + "x".repeat(1500),
];
/** Hostile query strings for list pages. */
const QUERIES = [
  "?q=%00&kind=%00&status=%00&cursor=%00",
  `?cursor=${b64(["x", "y"])}&sort=deadline&view=mine&q=${"%F0%9F%99%82".repeat(200)}`,
  `?cursor=${b64(["critical", "x", "y"])}&sort=priority&q=%ED%A0%80&bodyId=x&serviceId=%00&page=-1`,
];

const trpcInput = (v: unknown) => `input=${encodeURIComponent(JSON.stringify({ json: v }))}`;
/** The API over HTTP: hostile inputs through the transport (superjson, batching) too. */
const API = [
  `/api/trpc/bodies.list?${trpcInput({ q: "\u0000", cursor: b64(["x", "y"]) })}`,
  `/api/trpc/tickets.list?${trpcInput({ sort: "priority", cursor: b64(["critical", "x", "y"]) })}`,
  `/api/trpc/tickets.get?${trpcInput({ id: "a".repeat(36) })}`,
  `/api/trpc/tickets.search?${trpcInput({ q: "\ud800\u0000" })}`,
  `/api/trpc/people.list?${trpcInput({ q: 42, limit: 1e308 })}`,
  "/api/trpc/tickets.list?input=not-json",
  `/api/trpc/tickets.get,bodies.get?batch=1&input=${encodeURIComponent('{"0":{"json":{"id":"%00"}},"1":null}')}`,
];

function urlsFor(route: string): string[] {
  if (!route.includes("[")) return ["", ...QUERIES].map((q) => route + q);
  return SEGMENTS.map((v) => route.replace(/\[[^\]]+\]/g, v) + (v === SEGMENTS[0] ? QUERIES[0] : ""));
}

async function serverErrors(request: APIRequestContext, urls: string[]): Promise<string[]> {
  const errors: string[] = [];
  // A few at a time: the server renders in parallel what the 2-core machines allow.
  for (let i = 0; i < urls.length; i += 4)
    await Promise.all(
      urls.slice(i, i + 4).map(async (url) => {
        const response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
        if (response.status() >= 500) errors.push(`${response.status()} GET ${url.slice(0, 160)}`);
      }),
    );
  return errors.sort();
}

const ALL = routes();

test("the walk knows the app's pages and routes", () => {
  expect(ALL).toEqual(
    expect.arrayContaining(["/tickets/[id]", "/api/tickets/attachments/[id]", "/calendriers"]),
  );
});

for (const [who, email] of [
  ["a partner agent", "agent@saint-aubin.example"],
  ["a technician", "tech@val-orlene.example"],
] as const) {
  test(`no page or route answers a server error to ${who} with hostile paths and queries`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await signIn(page, email);
    const urls = [...ALL.flatMap(urlsFor), ...API];
    expect(await serverErrors(page.request, urls)).toEqual([]);
  });
}

test("staff pages answer 404 to a partner agent, in French", async ({ page }) => {
  await signIn(page, "agent@saint-aubin.example");
  for (const url of [
    "/calendriers",
    "/calendriers/nouveau",
    "/catalogue/nouveau",
    "/conventions/nouveau",
    "/organismes/nouveau",
    "/organismes/import",
    "/tickets",
    "/tickets/nouveau",
    "/courriels-entrants",
    "/admin/personnes",
  ]) {
    const response = await page.goto(url);
    expect([url, response?.status()]).toEqual([url, 404]);
    await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  }
  const download = await page.request.get(`/api/tickets/attachments/${"a".repeat(36)}`);
  expect(download.status()).toBe(404);
});
