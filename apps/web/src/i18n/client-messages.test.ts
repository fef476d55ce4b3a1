// Every namespace a client component reads must be sent to the browser (CLIENT_NAMESPACES).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, ROUTE_NAMESPACES } from "./client-messages.ts";

const src = path.resolve(import.meta.dirname, "..");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("messages sent to the browser", () => {
  const clientFiles = files(src).filter((f) => /^\s*["']use client["']/m.test(fs.readFileSync(f, "utf8")));

  it("include every namespace a client component reads", () => {
    const missing: string[] = [];
    for (const f of clientFiles) {
      const code = fs.readFileSync(f, "utf8");
      for (const m of code.matchAll(/useTranslations\(\s*(["'`]?)([^)"'`]*)\1\s*\)/g)) {
        const ns = m[2]!.split(".")[0]!;
        if (!m[1] || !(CLIENT_NAMESPACES as readonly string[]).includes(ns))
          missing.push(`${path.relative(src, f)}: useTranslations(${m[1]}${m[2]}${m[1]})`);
      }
    }
    expect(missing, "add the namespace to CLIENT_NAMESPACES (a literal one)").toEqual([]);
  });

  it("reach each page whose client components read them (the section's layout sends them)", () => {
    const all = files(src);
    const imports = new Map(
      all.map((f) => [
        f,
        [...fs.readFileSync(f, "utf8").matchAll(/from\s+"(\.[^"]+)"/g)].map((m) =>
          path.resolve(path.dirname(f), m[1]!),
        ),
      ]),
    );
    const importers = (f: string) => all.filter((g) => imports.get(g)!.includes(f));
    // The sections whose pages end up rendering a file: the deepest ROUTE_NAMESPACES folder above
    // each route file (page, layout…) reaching it; "" for the root.
    const keys = Object.keys(ROUTE_NAMESPACES).sort((a, b) => b.length - a.length);
    const route = /^(page|layout|error|not-found|template|default)\.tsx$/;
    const sections = (f: string, seen = new Set<string>()): Set<string> => {
      const out = new Set<string>();
      if (seen.has(f)) return out;
      seen.add(f);
      const dir = path.relative(path.join(src, "app"), path.dirname(f)).split(path.sep).join("/");
      if (route.test(path.basename(f)) && !dir.startsWith(".."))
        out.add(keys.find((k) => dir === k || dir.startsWith(`${k}/`)) ?? "");
      for (const g of importers(f)) for (const s of sections(g, seen)) out.add(s);
      return out;
    };
    const shell = ["ui", "errorPage"];
    const missing: string[] = [];
    for (const f of clientFiles) {
      const code = fs.readFileSync(f, "utf8");
      for (const m of code.matchAll(/useTranslations\(\s*["'`]([^)"'`.]*)/g)) {
        const ns = m[1]!;
        if (shell.includes(ns) || path.basename(f) === "submitted-banner.tsx") continue;
        for (const section of sections(f)) {
          const sent = (ROUTE_NAMESPACES as Record<string, readonly string[]>)[section] ?? [];
          if (!sent.includes(ns)) missing.push(`${path.relative(src, f)} (${ns}) under /${section}`);
        }
      }
    }
    expect(missing, "add the namespace to ROUTE_NAMESPACES for that section").toEqual([]);
  });

  it("finds the client components", () => {
    expect(clientFiles.length).toBeGreaterThan(10);
  });
});
