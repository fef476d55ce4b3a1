// `npm run bench -- --tickets 100000`: seeds a separate database with realistic tickets and replies,
// starts Mutuo on it, and measures p50/p95 of the queue, a filtered page, a deep keyset page, a
// ticket, a creation and a French search through the HTTP API as a signed-in technician, each read
// beside the same query as raw SQL (the floor); then the SLA engine's throughput.
// Writes bench/results/latest.json.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "@mutuo/db";
import { ensureDatabase, findFreePort } from "@mutuo/db/embedded";
import { applyMigrations } from "@mutuo/db/migrate";
import { seedDemo } from "@mutuo/db/seed";
import { createSession } from "@mutuo/core/identity";
import { addBusinessTime, type Calendar } from "@mutuo/core/sla";
import { monthOfInstant, refreshRollup } from "@mutuo/core/reports";
import { seedTickets } from "./seed.ts";
import { rawAssetQueries, seedAssets } from "./assets.ts";
import { rawQueries } from "./raw.ts";
import { rawBookingCheck, rawLoanPage, seedLoanBench } from "./loans.ts";
import { arg, benchPostgres, pct, round } from "./common.ts";
import { measurePage, type PageMeasurement } from "./pages.ts";

const root = process.cwd();
const N = Number(arg("tickets", "100000"));
const ITER = Number(arg("iterations", "60"));
const ASSETS = Number(arg("assets", "100000"));
if (!Number.isInteger(N) || N < 1000) throw new Error("--tickets: an integer ≥ 1000");

const log = (m: string) => console.log(m);

async function time(fn: () => Promise<unknown>, iterations = ITER): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

async function main() {
  const { adminUrl, embedded } = await benchPostgres(root);
  const dbName = `mutuo_bench_${N}`;
  const url = adminUrl.replace(/\/[^/?]*(\?|$)/, `/${dbName}$1`);
  const created = await ensureDatabase(adminUrl, dbName);
  await applyMigrations({ connectionString: url, migrationsDir: path.join(root, "prisma", "migrations") });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const have = Number((await client.query(`SELECT count(*) FROM "Ticket"`)).rows[0].count);
  const prisma = createPrismaClient(url, { max: 4 });
  if (created || have < N) {
    log(`Préparation de ${dbName} : ${N.toLocaleString("fr-FR")} tickets…`);
    await seedDemo(prisma);
    const t0 = Date.now();
    await seedTickets(client, N - have, log);
    log(`  semés en ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } else log(`Base ${dbName} déjà prête (${have.toLocaleString("fr-FR")} tickets).`);
  await seedAssets(client, ASSETS, log);
  await seedLoanBench(client, ASSETS, log);

  const tech = await prisma.user.findUniqueOrThrow({ where: { email: "tech@val-orlene.example" } });
  const { token } = await createSession(prisma, tech.id, { mfaVerified: true });
  const port = await findFreePort(4100);
  log(`Démarrage de Mutuo sur ${dbName} (port ${port})…`);
  const app = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      MUTUO_SEED_DEMO: "false",
      MUTUO_DATA_DIR: path.join(root, ".mutuo", "bench-data"),
    },
  });
  app.stdout!.on("data", () => undefined);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/api/health`, 300_000);
    const cookie = `mutuo_session=${token}`;
    const call = async (proc: string, input: unknown, method: "GET" | "POST" = "GET") => {
      const res =
        method === "GET"
          ? await fetch(
              `${base}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
              { headers: { cookie } },
            )
          : await fetch(`${base}/api/trpc/${proc}`, {
              method: "POST",
              headers: { cookie, "content-type": "application/json" },
              body: JSON.stringify({ json: input }),
            });
      // A refused booking (409) is the answer the reservation check measures.
      if (!res.ok && res.status !== 409)
        throw new Error(`${proc}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
      return ((await res.json()) as { result?: { data: { json: unknown } } }).result?.data.json;
    };
    const raw = await rawQueries(client, N);
    // A 1 % block sample on large tables; small ones may sample no block at all.
    let sample = (await client.query(`SELECT "id", "bodyId" FROM "Ticket" TABLESAMPLE SYSTEM (1) LIMIT 200`))
      .rows as { id: string; bodyId: string }[];
    if (sample.length < 20)
      sample = (await client.query(`SELECT "id", "bodyId" FROM "Ticket" ORDER BY random() LIMIT 200`))
        .rows as { id: string; bodyId: string }[];
    const pick = () => sample[Math.floor(Math.random() * sample.length)]!;
    const service = (await client.query(`SELECT "id" FROM "Service" WHERE "code" = 'SIGMA'`)).rows[0]
      .id as string;
    const measurements: { name: string; p50_ms: number; p95_ms: number; raw_sql_p50_ms: number | null }[] =
      [];
    const measure = async (
      name: string,
      http: () => Promise<unknown>,
      floor: (() => Promise<unknown>) | null,
    ) => {
      const h = await time(http);
      const r = floor ? await time(floor) : null;
      measurements.push({
        name,
        p50_ms: round(pct(h, 50)),
        p95_ms: round(pct(h, 95)),
        raw_sql_p50_ms: r ? round(pct(r, 50)) : null,
      });
      log(
        `  ${name.padEnd(28)} p50 ${round(pct(h, 50))} ms  p95 ${round(pct(h, 95))} ms${r ? `  SQL p50 ${round(pct(r, 50))} ms` : ""}`,
      );
    };
    log("Mesures (HTTP, technicien connecté) :");
    await measure("queue_first_page", () => call("tickets.list", { limit: 50 }), raw.firstPage);
    await measure(
      "filtered_page_body_status",
      () => call("tickets.list", { bodyId: raw.filterBody, status: ["closed"], limit: 50 }),
      raw.filteredPage,
    );
    await measure(
      "deep_keyset_page",
      () => call("tickets.list", { limit: 50, cursor: raw.deepCursor }),
      raw.deepPage,
    );
    await measure(
      "ticket_detail",
      () => call("tickets.get", { id: pick().id }),
      () => raw.detail(pick().id),
    );
    await measure("french_search", () => call("tickets.search", { q: "imprimantes bloquées" }), raw.search);
    await measure(
      "ticket_creation",
      () =>
        call(
          "tickets.create",
          {
            bodyId: pick().bodyId,
            serviceId: service,
            subject: "Mesure de création",
            description: "Ticket créé par le banc de mesure.",
            category: "fault",
            impact: "medium",
            urgency: "medium",
            declarantName: "Banc de mesure",
            channel: "phone",
            receivedAt: new Date().toISOString(),
          },
          "POST",
        ),
      null,
    );

    // Reports: the worker's monthly rollup is built first (timed), then the SLA report of the last
    // twelve months is read through HTTP, for all partners and for one; the floor is the same
    // aggregation in plain SQL on the rollup, and the scan of the ticket table it avoids is logged.
    const t1 = Date.now();
    await refreshRollup(prisma, new Date());
    log(`  cumul mensuel SLA construit en ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    const yearAgo = new Date();
    yearAgo.setUTCMonth(yearAgo.getUTCMonth() - 11);
    const year = { kind: "custom", from: monthOfInstant(yearAgo), to: monthOfInstant(new Date()) };
    const sla = raw.slaYear(`${year.from}-01`);
    await measure(
      "sla_report_year_all",
      () => call("reports.read", { reportId: "sla", period: year, filters: {} }),
      () => sla(null),
    );
    await measure(
      "sla_report_year_one_body",
      () => call("reports.read", { reportId: "sla", period: year, filters: { body: raw.filterBody } }),
      () => sla(raw.filterBody),
    );
    const scan = await time(() => raw.slaYearScan(yearAgo), 10);
    log(`  (sans cumul, comptage direct sur les tickets : p50 ${round(pct(scan, 50))} ms)`);

    const assetRaw = await rawAssetQueries(client);
    const assetSample = (
      await client.query(`SELECT "id" FROM "Asset" TABLESAMPLE SYSTEM (1) LIMIT 200`)
    ).rows.map((r: { id: string }) => r.id);
    const anAsset = () => assetSample[Math.floor(Math.random() * assetSample.length)]!;
    await measure("asset_list_first_page", () => call("assets.list", { limit: 50 }), assetRaw.list);
    await measure(
      "asset_list_lent_laptops",
      () => call("assets.list", { status: "lent", kindId: assetRaw.laptop, limit: 50 }),
      assetRaw.filtered,
    );
    await measure("asset_search", () => call("assets.list", { q: "0004242", limit: 50 }), assetRaw.search);
    await measure(
      "asset_page",
      () => call("assets.get", { id: anAsset() }),
      () => assetRaw.page(anAsset()),
    );

    // Loans: the reservation check (an asset already lent over the dates: refused by the exclusion
    // constraint, the conflicting loan named) and the first page of loans.
    const lent = (
      await client.query(`SELECT "id" FROM "Asset" WHERE "tag" LIKE 'BNL-%' ORDER BY random() LIMIT 200`)
    ).rows.map((r: { id: string }) => r.id as string);
    const pickLent = () => lent[Math.floor(Math.random() * lent.length)]!;
    const bookingCheck = rawBookingCheck(client);
    await measure(
      "reservation_check",
      () =>
        call(
          "loans.reserve",
          { assetId: pickLent(), startDate: "2027-03-01", endDate: "2027-03-14" },
          "POST",
        ),
      () => bookingCheck(pickLent()),
    );
    await measure("loan_list_first_page", () => call("loans.list", { limit: 30 }), rawLoanPage(client));

    // Pages, as a technician and as a partner agent, beside the API call reading the same data.
    const agent = await prisma.user.findUniqueOrThrow({ where: { email: "agent@bellerive.example" } });
    const agentCookie = `mutuo_session=${(await createSession(prisma, agent.id, { mfaVerified: true })).token}`;
    const pages: PageMeasurement[] = [];
    const page = async (name: string, p: string | (() => string), api: string | null, as = cookie) =>
      pages.push(await measurePage({ base, cookie: as, name, path: p, api, iterations: ITER, log }));
    log("Pages (HTML, technicien puis agent partenaire) :");
    await page("page_queue_first", "/tickets", "queue_first_page");
    await page(
      "page_queue_filtered",
      `/tickets?body=${raw.filterBody}&status=closed`,
      "filtered_page_body_status",
    );
    await page(
      "page_queue_deep",
      `/tickets?cursor=${encodeURIComponent(raw.deepCursor)}`,
      "deep_keyset_page",
    );
    await page("page_ticket", () => `/tickets/${pick().id}`, "ticket_detail");
    await page("page_partner_home", "/", null, agentCookie);
    await page("page_partner_requests", "/demandes", null, agentCookie);

    const slaPerSecond = slaThroughput();
    log(`  moteur SLA : ${slaPerSecond.toLocaleString("fr-FR")} échéances par seconde`);
    const result = {
      tickets: N,
      assets: ASSETS,
      loans: 2 * ASSETS,
      measurements,
      pages,
      sla_deadlines_per_s: slaPerSecond,
      measured_at: new Date().toISOString(),
      iterations: ITER,
    };
    fs.mkdirSync(path.join(root, "bench", "results"), { recursive: true });
    fs.writeFileSync(
      path.join(root, "bench", "results", "latest.json"),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    fs.writeFileSync(
      path.join(root, "bench", "results", `tickets-${N}.json`),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    console.table(
      measurements.map((m) => ({
        ...m,
        ratio: m.raw_sql_p50_ms ? round(m.p50_ms / m.raw_sql_p50_ms) : null,
      })),
    );
    console.table(
      pages.map(({ server_timing, ...p }) => {
        const api = measurements.find((m) => m.name === p.api);
        return { ...p, ...server_timing, page_to_api: api ? round(p.p50_ms / api.p50_ms) : null };
      }),
    );
  } finally {
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
    await new Promise((r) => app.once("exit", r));
    await client.end();
    await prisma.$disconnect();
    await embedded?.stop();
  }
}

async function waitFor(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer in time`);
}

/** Deadlines per second: 12 business hours on office hours from random instants over a year. */
function slaThroughput(): number {
  const office: Calendar = {
    timeZone: "Europe/Paris",
    weekly: Object.fromEntries(
      [1, 2, 3, 4, 5].map((d) => [
        d,
        [
          { from: "08:30", to: "12:00" },
          { from: "13:30", to: "17:30" },
        ],
      ]),
    ),
    holidayZone: "metropole",
    closures: [{ from: "2026-12-24", to: "2026-12-24" }],
  };
  const start = Date.UTC(2026, 0, 1);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 2000) {
    addBusinessTime(office, new Date(start + Math.floor(Math.random() * 365 * 86_400_000)), 12 * 3600_000);
    n++;
  }
  return Math.round(n / ((performance.now() - t0) / 1000));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
