import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as OTPAuth from "otpauth";
import { expect, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures.ts";
import { ImapFlow } from "imapflow";
import { simpleParser, type ParsedMail } from "mailparser";
import { IMAP } from "./playwright.config.ts";

export const DEMO_PASSWORD = "mutuo-demo-2026";
const outbox = path.resolve(import.meta.dirname, "..", ".mutuo", "e2e", "outbox");

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => url.pathname !== "/connexion");
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion$/);
}

const PERIOD_MS = 30_000;
const usedStepsFile = path.resolve(import.meta.dirname, "..", ".mutuo", "e2e", "totp-steps.json");

/**
 * A code the app has not accepted yet. The app accepts each 30-second step once (and the steps just
 * before and after, for clock drift): this takes the current step, else the next one, else waits for
 * a fresh step. Used steps are kept beside the e2e data (wiped with it at each run).
 */
export async function totpCode(secret: string): Promise<string> {
  return withLock("totp-steps", () => claimTotpCode(secret));
}

/**
 * Runs `fn` while no other Playwright worker runs a section of the same name (journeys run on two
 * workers against one app): a directory beside the e2e data, wiped with it at each run.
 */
async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = path.resolve(import.meta.dirname, "..", ".mutuo", "e2e", `${name}.lock`);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(dir);
      break;
    } catch {
      // A lock left by a worker that died long ago is taken over.
      const age = Date.now() - (fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 180_000) fs.rmSync(dir, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function claimTotpCode(secret: string): Promise<string> {
  const used: Record<string, number> = fs.existsSync(usedStepsFile)
    ? JSON.parse(fs.readFileSync(usedStepsFile, "utf8"))
    : {};
  const now = Math.floor(Date.now() / PERIOD_MS);
  const step = Math.max(now, (used[secret] ?? -1) + 1);
  // More than one step ahead would be refused: wait until it is the next one.
  const wait = (step - 1) * PERIOD_MS - Date.now();
  if (step > now + 1 && wait > 0) await new Promise((r) => setTimeout(r, wait + 200));
  used[secret] = step;
  fs.mkdirSync(path.dirname(usedStepsFile), { recursive: true });
  fs.writeFileSync(usedStepsFile, JSON.stringify(used));
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: "SHA1",
  }).generate({ timestamp: step * PERIOD_MS });
}

/** Signs the demo admin in, enrolling the (required) second factor on first sign-in. */
export async function signInAsAdmin(page: Page, state: { secret?: string }): Promise<void> {
  // One admin sign-in at a time: the first enrols the factor that the others then use.
  await withLock("admin-sign-in", () => signInAsAdminAlone(page, state));
}

async function signInAsAdminAlone(page: Page, state: { secret?: string }): Promise<void> {
  // The secret is enrolled once per run, by whichever journey signs the admin in first.
  const saved = path.resolve(import.meta.dirname, "..", ".mutuo", "e2e", "admin-totp-secret");
  state.secret ??= fs.existsSync(saved) ? fs.readFileSync(saved, "utf8").trim() : undefined;
  await signIn(page, "admin@val-orlene.example");
  await page.waitForURL(/\/connexion\/(double-facteur|verification)$/);
  if (page.url().endsWith("/connexion/double-facteur")) {
    await expectAccessible(page);
    state.secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    fs.writeFileSync(saved, state.secret);
    await page.getByLabel("Code à 6 chiffres").fill(await totpCode(state.secret));
    await page.getByRole("button", { name: "Activer" }).click();
    // The recovery codes are shown once, then the person goes on.
    await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await page.getByRole("link", { name: "Continuer" }).click();
  } else {
    await page.getByLabel("Code à 6 chiffres").fill(await totpCode(state.secret!));
    await page.getByRole("button", { name: "Vérifier" }).click();
  }
  await expect(page.getByText("Connecté : Hélène Marchal")).toBeVisible();
}

/** The link of the newest e-mail sent to `to` (the e2e app writes e-mails to its outbox folder). */
export async function linkFromMail(to: string, pathPrefix: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        const files = fs.existsSync(outbox) ? fs.readdirSync(outbox).sort().reverse() : [];
        for (const f of files) {
          const raw = fs.readFileSync(path.join(outbox, f), "utf8").replace(/=\r?\n/g, "");
          if (!raw.includes(`To: ${to}`)) continue;
          link = new RegExp(`https?://[^\\s]+${pathPrefix}[A-Za-z0-9_-]+`).exec(raw)?.[0];
          if (link) return true;
        }
        return false;
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toBe(true);
  return link!;
}

/** Freezes the ticket services' clock at `at` (null: real time again). */
export function setClock(at: Date | null): void {
  const file = path.resolve(import.meta.dirname, "..", ".mutuo", "e2e-clock");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, at ? at.toISOString() : "");
}

/**
 * Runs these worker jobs now, at the e2e clock, and waits until they are done: the e2e worker
 * watches `<clock file>.run` (see apps/worker/src/worker.ts), so a journey need not wait for the
 * cron's next minute. The scheduled runs still happen too, which the jobs must bear (idempotence).
 */
export async function runJobs(...jobs: string[]): Promise<void> {
  const file = path.resolve(import.meta.dirname, "..", ".mutuo", "e2e-clock.run");
  const token = randomUUID();
  fs.writeFileSync(`${file}.tmp`, JSON.stringify({ token, jobs }));
  fs.renameSync(`${file}.tmp`, file);
  await expect
    .poll(() => (fs.existsSync(`${file}.done`) ? fs.readFileSync(`${file}.done`, "utf8") : ""), {
      timeout: 90_000,
      intervals: [200],
      message: `worker jobs ${jobs.join(", ")}`,
    })
    .toBe(token);
}

/** The newest e-mail in the e2e app's outbox folder that `match` accepts, parsed as a mail client would. */
export async function mailFromOutbox(match: (m: ParsedMail) => boolean): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(
      async () => {
        const files = fs.existsSync(outbox) ? fs.readdirSync(outbox).sort().reverse() : [];
        for (const f of files) {
          const m = await simpleParser(fs.readFileSync(path.join(outbox, f)));
          if (match(m)) return Boolean((found = m));
        }
        return false;
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toBe(true);
  return found!;
}

/** Delivers a message to the support mailbox (the real IMAP server the e2e worker polls). */
export async function deliverToSupport(raw: string): Promise<void> {
  const client = new ImapFlow({
    host: "127.0.0.1",
    port: IMAP.port,
    secure: false,
    auth: { user: IMAP.user, pass: IMAP.password },
    logger: false,
  });
  await client.connect();
  await client.append("INBOX", Buffer.from(raw.replace(/\r?\n/g, "\r\n")));
  await client.logout();
}
