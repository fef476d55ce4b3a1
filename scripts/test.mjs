// `npm test`: typecheck, lint, unit + integration tests (vitest, real PostgreSQL), e2e journeys
// (Playwright + Chromium + axe-core). Ends with one line: `N passed, N failed, N skipped`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bootstrap, root } from "./bootstrap.mjs";

process.chdir(root);
await bootstrap();

const resultsDir = path.join(root, ".mutuo", "test-results");
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const bin = (pkg, rel) => path.join(root, "node_modules", pkg, rel);

function run(title, args, env = {}) {
  console.log(`\n━━ ${title}`);
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

// 1. Typecheck, one count per workspace.
const workspaces = [
  "packages/db",
  "packages/core",
  "packages/api",
  "packages/email",
  "apps/worker",
  "apps/web",
  ".",
];
// The checkers are single-threaded: run them side by side (one per core), print each in turn.
const codes = await runSideBySide(
  workspaces.map((ws) => ({
    title: `typecheck ${ws}`,
    args: [bin("typescript", "bin/tsc"), "--noEmit", "-p", ws],
  })),
);
for (const code of codes) totals[code === 0 ? "passed" : "failed"]++;

/** Runs node commands at most one per core at once; prints each one's output whole, in order. */
async function runSideBySide(tasks) {
  const results = new Array(tasks.length);
  let next = 0;
  let printed = 0;
  const flush = () => {
    while (printed < tasks.length && results[printed]) {
      const { output, code } = results[printed];
      console.log(`\n━━ ${tasks[printed].title}`);
      if (output) process.stdout.write(output);
      if (code !== 0) console.log(`(code ${code})`);
      printed++;
    }
  };
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await new Promise((resolve) => {
        const child = spawn(process.execPath, tasks[i].args, { cwd: root, env: process.env });
        let output = "";
        child.stdout.on("data", (d) => (output += d));
        child.stderr.on("data", (d) => (output += d));
        child.on("close", (code) => resolve({ output, code: code ?? 1 }));
      });
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(os.cpus().length, 4)) }, worker));
  return results.map((r) => r.code);
}

// 2. Lint (code rules, import cycles, layering between packages and domains) and format.
const lint = run("lint", [bin("eslint", "bin/eslint.js"), "--max-warnings", "0", "."]);
totals[lint === 0 ? "passed" : "failed"]++;
const format = run("format (prettier --check)", [
  bin("prettier", "bin/prettier.cjs"),
  "--check",
  "--log-level",
  "warn",
  ".",
]);
totals[format === 0 ? "passed" : "failed"]++;

// 3. Unit and integration tests.
const vitestJson = path.join(resultsDir, "vitest.json");
const vitestCode = run("unit + integration (vitest)", [
  bin("vitest", "vitest.mjs"),
  "run",
  "--config",
  "vitest.config.mts",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const v = readJson(vitestJson);
if (v) {
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests + (v.numFailedTestSuites ?? 0) - failedSuitesWithTests(v);
  totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (!v || (vitestCode !== 0 && v.numFailedTests === 0 && (v.numFailedTestSuites ?? 0) === 0)) totals.failed++;

function failedSuitesWithTests(report) {
  // A failed suite with failed tests is already counted through its tests.
  return report.testResults.filter(
    (s) => s.status === "failed" && s.assertionResults.some((a) => a.status === "failed"),
  ).length;
}

// 4. End-to-end journeys.
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const pwArgs = [bin("@playwright/test", "cli.js"), "test", "--config", "e2e/playwright.config.ts"];
if (!fs.existsSync(chromium)) {
  const listed = spawnSync(process.execPath, [...pwArgs, "--list", "--reporter=json"], {
    cwd: root,
    encoding: "utf8",
  });
  const count = countSpecs(JSON.parse(listed.stdout || "{}"));
  console.log(
    `\n━━ e2e (Playwright)\nChromium introuvable (${chromium}) : les ${count} parcours e2e sont ignorés. Installez-le (apt-get install chromium) ou indiquez CHROMIUM_PATH.`,
  );
  totals.skipped += count;
} else {
  const pwJson = path.join(resultsDir, "playwright.json");
  const pwCode = run("e2e (Playwright + axe-core)", [...pwArgs, "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  });
  const p = readJson(pwJson);
  if (p?.stats) {
    totals.passed += p.stats.expected + (p.stats.flaky ?? 0);
    totals.failed += p.stats.unexpected;
    totals.skipped += p.stats.skipped;
  }
  if (!p?.stats || (pwCode !== 0 && p.stats.unexpected === 0)) totals.failed++;
}

function countSpecs(report) {
  let n = 0;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) n += spec.tests?.length ?? 1;
    for (const s of suite.suites ?? []) walk(s);
  };
  for (const s of report.suites ?? []) walk(s);
  return n;
}

const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
fs.writeFileSync(path.join(resultsDir, "summary.txt"), `${summary}\n`);
console.log(`\n${summary}`);
process.exit(totals.failed > 0 ? 1 : 0);
