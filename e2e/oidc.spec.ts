// Done when (identity): signing in through a local OpenID provider with a `siret` claim lands the
// person in the right body; an unknown SIRET is refused clearly.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures.ts";

async function signInThroughProvider(page: Page, login: string, from = "/connexion") {
  await page.goto(from);
  await page.getByRole("link", { name: "Se connecter avec ProConnect (test)" }).click();
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("any");
  await page.locator("button[type=submit]").click();
  // The provider asks for consent once per client.
  const consent = page.locator("button[type=submit]");
  if (await consent.isVisible().catch(() => false)) await consent.click();
}

test("an agent signs in through the identity provider and lands in the body of their SIRET", async ({
  page,
}) => {
  await signInThroughProvider(page, "elise.martin");
  await expect(page.getByText("Connecté : Élise Martin")).toBeVisible();
  await page.goto("/organismes");
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveText(["Commune de Montclair"]);
  await expectAccessible(page);
});

test("a SIRET that matches no partner body is refused with a clear message", async ({ page }) => {
  await signInThroughProvider(page, "paul.nobody");
  await expect(page).toHaveURL(/\/connexion\?erreur=no_body/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "Aucun organisme partenaire ne correspond au SIRET",
  );
  await expectAccessible(page);
});

test("signing in through the provider returns to the page that was opened, never to another site", async ({
  page,
  baseURL,
}) => {
  // A link from an e-mail, opened while signed out, goes through the sign-in page.
  await page.goto("/demandes?etat=toutes");
  await expect(page).toHaveURL(/\/connexion\?suite=/);
  await signInThroughProvider(page, "elise.martin", page.url());
  await expect(page).toHaveURL(/\/demandes\?etat=toutes$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mes demandes" })).toBeVisible();

  // A crafted destination on another origin is dropped: the person lands on the home page.
  await page.context().clearCookies();
  await signInThroughProvider(page, "elise.martin", "/connexion?suite=%2F%2Fevil.example%2Fx");
  await expect(page.getByText("Connecté : Élise Martin")).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(new URL(page.url()).pathname).toBe("/");
});
