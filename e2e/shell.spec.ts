import { expect, expectAccessible, test } from "./fixtures.ts";
import { DEMO_PASSWORD, signIn } from "./helpers.ts";

test("the home page presents Mutuo in French and invites to sign in", async ({ page, visit }) => {
  await visit("/");
  await expect(page).toHaveTitle(/Mutuo/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const nav = page.getByRole("navigation").first();
  for (const label of ["Accueil", "Catalogue des services", "État du service", "Connexion"]) {
    await expect(nav.getByRole("link", { name: label })).toBeVisible();
  }
  await expect(page.getByRole("main").getByRole("link", { name: "Se connecter" })).toBeVisible();
});

test("a keyboard user can skip to the content", async ({ page, visit }) => {
  await visit("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#content$/);
});

test("the interface switches to English and back to French", async ({ page, visit }) => {
  await visit("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(
    page.getByRole("navigation").first().getByRole("link", { name: "Service catalogue" }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});

test("signed-out visitors are sent to the sign-in page, then back to the page they opened", async ({
  page,
}) => {
  await page.goto("/organismes?kind=ccas");
  await expect(page).toHaveURL(/\/connexion\?suite=%2Forganismes%3Fkind%3Dccas$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "Connectez-vous pour ouvrir la page demandée.",
  );
  await expectAccessible(page);
  await page.getByLabel("Adresse e-mail").fill("tech@val-orlene.example");
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/organismes\?kind=ccas$/);
  await expect(page.getByRole("heading", { level: 1, name: "Organismes" })).toBeVisible();
  // Another origin in the parameter is ignored.
  await page.context().clearCookies();
  await page.goto("/connexion?suite=%2F%2Fevil.example%2F");
  await page.getByLabel("Adresse e-mail").fill("tech@val-orlene.example");
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
});

test("a technician lists the partner bodies and filters them by kind", async ({ page }) => {
  await signIn(page, "tech@val-orlene.example");
  await expect(page.getByText("Connecté : Nadia Belkacem")).toBeVisible();
  await page.getByRole("navigation").first().getByRole("link", { name: "Organismes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organismes" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("rowheader", { name: "Commune de Montclair" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "CIAS du Val d'Orlène" })).toBeVisible();
  await page.getByLabel("Type").selectOption({ label: "CCAS" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(table.getByRole("rowheader", { name: "CCAS de Villeneuve-d'Orlène" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Commune de Montclair" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the service catalogue shows the shared services", async ({ page, visit }) => {
  await visit("/catalogue");
  await expect(page.getByRole("heading", { level: 1, name: "Catalogue des services" })).toBeVisible();
  for (const name of [
    "Pelehas mode web",
    "Usine à sites",
    "Prêt de matériel en cas de crise cyber",
    "Open data",
  ]) {
    await expect(page.getByRole("rowheader", { name, exact: true })).toBeVisible();
  }
});

test("health reports database, migrations and a live worker", async ({ page, request, visit }) => {
  await expect
    .poll(async () => (await request.get("/api/health")).status(), { timeout: 30_000, intervals: [500] })
    .toBe(200);
  // The public learns what works, nothing about the host (versions, names, latency, migrations).
  const body = await (await request.get("/api/health")).json();
  expect(body).toEqual({
    detailed: false,
    status: "ok",
    checkedAt: expect.any(String),
    checks: { database: { ok: true }, migrations: { ok: true }, worker: { ok: true } },
  });
  await visit("/etat");
  await expect(page.getByRole("heading", { level: 1, name: "État du service" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Détail" })).toHaveCount(0);
  await expect(page.getByText(/Dernier signe de vie|appliquée|Réponse en/)).toHaveCount(0);

  // Provider staff see the details they need.
  await signIn(page, "tech@val-orlene.example");
  await visit("/etat");
  await expect(page.getByRole("columnheader", { name: "Détail" })).toBeVisible();
  await expect(page.getByText(/Dernier signe de vie il y a/)).toBeVisible();
  await expect(page.getByRole("cell", { name: /appliquées, 0 en attente/ })).toBeVisible();
});
