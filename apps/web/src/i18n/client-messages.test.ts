// Every namespace a client component reads must be sent to the browser (CLIENT_NAMESPACES).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES } from "./client-messages.ts";

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

  it("finds the client components", () => {
    expect(clientFiles.length).toBeGreaterThan(10);
  });
});
