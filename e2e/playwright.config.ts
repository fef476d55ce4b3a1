import path from "node:path";
import { defineConfig } from "@playwright/test";
import os from "node:os";
import { demoSiret } from "../packages/db/src/seed/siret.ts";
import { dovecotBinary, writeDovecotConfig } from "../packages/db/src/testing/dovecot.ts";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const OIDC_PORT = E2E_PORT + 2;
/** The e2e clock: an instant at which the ticket services' clock is frozen (see e2e/helpers.ts setClock). */
export const CLOCK_FILE = path.resolve(import.meta.dirname, "..", ".mutuo", "e2e-clock");
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** The support mailbox the worker polls, on a real IMAP server (Debian's dovecot) when installed. */
export const IMAP = {
  port: E2E_PORT + 3,
  user: "support",
  password: "e2e-imap-password",
  dir: path.join(os.tmpdir(), `mutuo-e2e-imap-${process.getuid?.() ?? 0}-${E2E_PORT}`),
};
export const IMAP_URL = `imap://${IMAP.user}:${IMAP.password}@127.0.0.1:${IMAP.port}/INBOX`;
const dovecot = dovecotBinary();
const dovecotConf = dovecot ? writeDovecotConfig(IMAP) : null;

/**
 * Journeys that move the e2e clock (the web and the worker read one clock, for every session) or
 * start their own instance: they run one at a time, after all the others.
 */
const CLOCKED = [
  "lifecycle",
  "mailbox",
  "reports",
  "retention",
  "ticket-page",
  "tickets",
  "training",
  "training-courses",
].map((f) => new RegExp(`/${f}\\.spec\\.ts$`));
// When files are named on the command line, run just those (the shared journeys are not their
// dependency then): the order only matters for a whole run.
const filesNamed = process.argv.some((a) => /\.spec\.ts(:\d+)*$/.test(a));

export default defineConfig({
  testDir: ".",
  outputDir: "../.mutuo/test-results/playwright",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // Files run side by side on two browsers against the one app (tests inside a file in order).
  fullyParallel: false,
  workers: 2,
  retries: 0,
  projects: [
    { name: "shared", testIgnore: CLOCKED },
    { name: "clocked", testMatch: CLOCKED, workers: 1, dependencies: filesNamed ? [] : ["shared"] },
  ],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    ...(dovecot
      ? [
          {
            // Starts on an empty mailbox each run.
            command: `sh -c 'rm -rf "${IMAP.dir}/home/"*; exec ${dovecot} -F -c "${dovecotConf}"'`,
            port: IMAP.port,
            reuseExistingServer: false,
            timeout: 30_000,
          },
        ]
      : []),
    {
      // A real OpenID provider standing in for ProConnect.
      command: "node e2e/oidc-provider.mjs",
      cwd: "..",
      url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        OIDC_PORT: String(OIDC_PORT),
        APP_URL: `http://localhost:${E2E_PORT}`,
        SIRET_MONTCLAIR: demoSiret("21990103"),
      },
    },
    {
      command: "node scripts/e2e-server.mjs",
      cwd: "..",
      url: `http://127.0.0.1:${E2E_PORT}/`,
      reuseExistingServer: false,
      timeout: 600_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
      env: {
        PORT: String(E2E_PORT),
        MUTUO_DATA_DIR: ".mutuo/e2e",
        MUTUO_SEED_DEMO: "true",
        OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
        OIDC_CLIENT_ID: "mutuo-e2e",
        OIDC_CLIENT_SECRET: "mutuo-e2e-secret",
        OIDC_LABEL: "ProConnect (test)",
        MUTUO_E2E_CLOCK_FILE: CLOCK_FILE,
        // One automatic reminder to the partner when a wait on them reaches its date (ticket-page.spec).
        MUTUO_WAITING_REMINDERS: "1",
        ...(dovecot ? { IMAP_URL, IMAP_POLL_SECONDS: "2" } : {}),
      },
    },
  ],
});
