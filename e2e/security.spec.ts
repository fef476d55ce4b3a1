// Done when (hardening): security headers on a page, an API route and a download; the API refuses
// forged origins and form posts; a forged X-Forwarded-For is not the client's address;
// a recovery code signs in once, then is refused.
import { expect, expectAccessible, test } from "./fixtures.ts";
import { E2E_PORT } from "./playwright.config.ts";
import { signIn, signInAsAdmin, signOut, totpCode } from "./helpers.ts";

const admin: { secret?: string } = {};

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, where).not.toContain("unsafe-eval");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("same-origin");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  // Served over plain HTTP here: no HSTS (it is sent when MUTUO_BASE_URL is https).
  expect(headers["strict-transport-security"], where).toBeUndefined();
}

test("every response carries the security headers; scripts run by nonce only", async ({ page, request }) => {
  const home = await request.get("/connexion");
  expectSecurityHeaders(home.headers(), "page");
  const again = await request.get("/connexion");
  const nonce = (h: Record<string, string>) => /'nonce-([^']+)'/.exec(h["content-security-policy"]!)![1];
  expect(nonce(again.headers())).not.toBe(nonce(home.headers()));
  // Next's own scripts carry this response's nonce.
  const html = await home.text();
  expect(html).toContain(`nonce="${nonce(home.headers())}"`);

  expectSecurityHeaders((await request.get("/api/health")).headers(), "API route");

  // A download: the person's own data export.
  await signIn(page, "agent@bellerive.example");
  const download = await page.request.get("/api/moi/export");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expectSecurityHeaders(download.headers(), "download");

  // The pages work under the policy (the fixture fails the test on any CSP violation).
  await page.goto("/demandes");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/compte");
  await expect(page.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
  await expectAccessible(page);
});

test("the API refuses a forged origin and a form post with 403 and a French message", async ({ page }) => {
  await signIn(page, "agent@villeneuve.example");
  const mutation = "/api/trpc/me.revokeOtherSessions";
  const forged = await page.request.post(mutation, {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: "{}",
  });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain("Requête refusée : elle ne provient pas d'une page de Mutuo.");

  const crossSite = await page.request.post(mutation, {
    headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" },
    data: "{}",
  });
  expect(crossSite.status()).toBe(403);

  const form = await page.request.post(mutation, { multipart: { x: "1" } });
  expect(form.status()).toBe(403);
  expect(await form.text()).toContain("Requête refusée : l'API n'accepte que du JSON");

  // A server action (here, signing out) posted from another site is refused as well.
  const action = await page.request.post("/compte", {
    headers: { origin: "https://evil.example", "next-action": "0".repeat(42) },
    multipart: { x: "1" },
  });
  expect(action.status()).toBe(403);

  // The session is still there: none of the above ran.
  await page.goto("/compte");
  await expect(page.getByText("Connecté : Aïcha Benali")).toBeVisible();
  // And our own page's JSON request from the same origin goes through.
  const ours = await page.request.post(mutation, {
    headers: { origin: `http://localhost:${E2E_PORT}`, "content-type": "application/json" },
    data: "{}",
  });
  expect(ours.status()).toBe(200);
});

test("a forged X-Forwarded-For is not taken for the client's address", async ({ page }) => {
  // No proxy is trusted here (TRUSTED_PROXIES unset): the session records the socket's address.
  // (That the forged header does not get around the per-address limit is tested in
  // apps/web/src/server/client-address.int.test.ts: reaching the limit here would block the journeys.)
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.7", "x-real-ip": "198.51.100.7" });
  await signIn(page, "agent@ccas-villeneuve.example");
  await page.goto("/compte");
  const sessions = page.getByRole("region", { name: "Sessions ouvertes" });
  await expect(sessions.getByText("(cette session)")).toContainText("127.0.0.1");
  await expect(sessions).not.toContainText("198.51.100.7");
});

test("a recovery code signs in once; an admin resets a lost second factor", async ({ page }) => {
  // The agent turns the second factor on from their account page and is given recovery codes.
  await signIn(page, "agent@cepm.example");
  await page.goto("/compte");
  await page.getByRole("link", { name: "L'activer" }).click();
  await expect(page).toHaveURL(/\/connexion\/double-facteur$/);
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("Code à 6 chiffres").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Activer" }).click();
  const list = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(list).toHaveCount(10);
  await expectAccessible(page);
  const codes = await list.allTextContents();
  await page.getByRole("link", { name: "Continuer" }).click();
  await expect(page.getByText("10 codes de secours restants.")).toBeVisible();
  await page.goto("/"); // (on /compte, « Se déconnecter partout » is a second match for signOut)
  await signOut(page);

  // Signing in with a recovery code instead of the app's code.
  await signIn(page, "agent@cepm.example");
  await expect(page).toHaveURL(/\/connexion\/verification$/);
  await expectAccessible(page);
  await page.getByLabel("Code à 6 chiffres ou code de secours").fill(codes[0]!);
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByText("Connecté : Patrick Lemaire")).toBeVisible();
  await page.goto("/compte");
  await expect(page.getByText("9 codes de secours restants.")).toBeVisible();
  await page.goto("/");
  await signOut(page);

  // The same code a second time is refused; a fresh code from the app still works.
  await signIn(page, "agent@cepm.example");
  await page.getByLabel("Code à 6 chiffres ou code de secours").fill(codes[0]!);
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Code incorrect");
  await expect(page).toHaveURL(/\/connexion\/verification$/);
  await page.getByLabel("Code à 6 chiffres ou code de secours").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByText("Connecté : Patrick Lemaire")).toBeVisible();
  await signOut(page);

  // The agent lost their phone and their codes: an administrator resets the second factor.
  await signInAsAdmin(page, admin);
  await page.goto("/admin/personnes?q=Lemaire");
  await page.getByRole("link", { name: "Patrick Lemaire" }).click();
  const section = page.getByRole("region", { name: "Double authentification" });
  await expect(section).toContainText("Activée.");
  await expectAccessible(page);
  await section.getByRole("checkbox", { name: /Je confirme : Patrick Lemaire devra configurer/ }).check();
  await section.getByRole("button", { name: "Réinitialiser la double authentification" }).click();
  await expect(section).toContainText("Non activée.");
  await expect(page.getByText("Hélène Marchal — modification").first()).toBeVisible(); // audited
  await signOut(page);

  await signIn(page, "agent@cepm.example");
  await expect(page.getByText("Connecté : Patrick Lemaire")).toBeVisible();
});
