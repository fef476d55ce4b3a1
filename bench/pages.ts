// Pages as a person waits for them: HTML pages fetched with a session cookie, p50/p95, the weight
// of the HTML, the Server-Timing breakdown (median of each part), and the first-load JavaScript
// (gzip) of the route, each beside the name of the API measurement that reads the same data.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { arg, pct, round } from "./common.ts";

export type PageMeasurement = {
  name: string;
  p50_ms: number;
  p95_ms: number;
  html_bytes: number;
  api: string | null;
  js_gzip_bytes: number;
  server_timing: Record<string, number>;
};

function parseServerTiming(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (header ?? "").split(",")) {
    const [name, ...rest] = part.trim().split(";");
    const dur = rest.find((r) => r.startsWith("dur="));
    if (name && dur) out[name] = Number(dur.slice(4));
  }
  return out;
}

const jsCache = new Map<string, number>();

/** Gzip size of the scripts a page loads at first (each chunk fetched once per run). */
async function firstLoadJs(base: string, html: string): Promise<number> {
  // Legacy-browser polyfills (nomodule) are not loaded by the browsers we support.
  const tags = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!).filter((a) => !/nomodule/i.test(a));
  const srcs = new Set(tags.flatMap((a) => /src="([^"]+\.js[^"]*)"/.exec(a)?.[1] ?? []));
  let total = 0;
  for (const src of srcs) {
    if (!jsCache.has(src)) {
      const res = await fetch(new URL(src, base));
      jsCache.set(src, res.ok ? gzipSync(Buffer.from(await res.arrayBuffer())).length : 0);
    }
    total += jsCache.get(src)!;
  }
  return total;
}

export async function measurePage(opts: {
  base: string;
  cookie: string;
  name: string;
  path: string | (() => string);
  api: string | null;
  iterations: number;
  log: (m: string) => void;
}): Promise<PageMeasurement> {
  const get = async () => {
    const p = typeof opts.path === "function" ? opts.path() : opts.path;
    const t0 = performance.now();
    const res = await fetch(new URL(p, opts.base), { headers: { cookie: opts.cookie }, redirect: "manual" });
    const html = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${opts.name} (${p}): HTTP ${res.status}`);
    return { ms, html, timing: parseServerTiming(res.headers.get("server-timing")) };
  };
  for (let i = 0; i < 3; i++) await get();
  const times: number[] = [];
  const timings: Record<string, number[]> = {};
  let bytes = 0;
  let last = "";
  for (let i = 0; i < opts.iterations; i++) {
    const r = await get();
    times.push(r.ms);
    bytes = Buffer.byteLength(r.html);
    last = r.html;
    for (const [k, v] of Object.entries(r.timing)) (timings[k] ??= []).push(v);
  }
  const m: PageMeasurement = {
    name: opts.name,
    p50_ms: round(pct(times, 50)),
    p95_ms: round(pct(times, 95)),
    html_bytes: bytes,
    api: opts.api,
    js_gzip_bytes: await firstLoadJs(opts.base, last),
    server_timing: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, round(pct(v, 50))])),
  };
  // `--save-html <dir>`: keeps each page's last HTML there, to see what weighs.
  const dir = arg("save-html", "");
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${m.name}.html`), last);
  }
  const st = Object.entries(m.server_timing)
    .map(([k, v]) => `${k} ${v}`)
    .join(" · ");
  opts.log(
    `  ${m.name.padEnd(28)} p50 ${m.p50_ms} ms  p95 ${m.p95_ms} ms  HTML ${Math.round(bytes / 1024)} Ko  JS ${Math.round(m.js_gzip_bytes / 1024)} Ko gz  [${st}]`,
  );
  return m;
}
