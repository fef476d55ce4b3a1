// Done when (identity): an admin invites a technician and an agent of a commune; each signs in;
// the agent sees only their commune; the history shows who did what.
import { expect, expectAccessible, test } from "./fixtures.ts";
import { linkFromMail, signIn, signInAsAdmin, signOut } from "./helpers.ts";

test.describe.configure({ mode: "serial" });
const admin: { secret?: string } = {};

test("an admin invites a technician and an agent; each signs in with their own rights", async ({ page }) => {
  await signInAsAdmin(page, admin);
  await page.getByRole("navigation").first().getByRole("link", { name: "Personnes" }).click();
  await expectAccessible(page);

  const invite = async (name: string, email: string, role: string, body?: string) => {
    await page.getByRole("textbox", { name: "Nom", exact: true }).fill(name);
    await page.getByRole("textbox", { name: "Adresse e-mail", exact: true }).fill(email);
    await page.getByLabel("Rôle").selectOption({ label: role });
    if (body) await page.getByLabel("Organisme (pour un agent partenaire)").selectOption({ label: body });
    await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Invitation envoyée.");
  };
  await invite("Camille Rivet", "camille.rivet@val-orlene.example", "Technicien");
  // A bad address is refused with the field named, and nothing typed is lost.
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("Louise Caron");
  await page.getByRole("textbox", { name: "Adresse e-mail", exact: true }).fill("louise.caron@roche");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Adresse e-mail");
  await expect(page.getByRole("textbox", { name: "Nom", exact: true })).toHaveValue("Louise Caron");
  await invite("Louise Caron", "louise.caron@roche-blanche.example", "Agent partenaire", "Commune de Roche-Blanche");
  await expect(page.getByRole("rowheader", { name: "Louise Caron" })).toBeVisible();
  await signOut(page);

  // The technician accepts the invitation and sees every body.
  await page.goto(await linkFromMail("camille.rivet@val-orlene.example", "/invitation/"));
  await expectAccessible(page);
  await page.getByLabel("Nouveau mot de passe").fill("technicien-2026!");
  await page.getByLabel("Confirmez le mot de passe").fill("technicien-2026!");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Votre mot de passe est enregistré");
  await signIn(page, "camille.rivet@val-orlene.example", "technicien-2026!");
  await expect(page.getByText("Connecté : Camille Rivet")).toBeVisible();
  await page.goto("/organismes");
  await expect(page.getByRole("rowheader", { name: "Commune de Montclair" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Commune de Roche-Blanche" })).toBeVisible();
  await page.getByRole("link", { name: "Commune de Montclair" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Commune de Montclair" })).toBeVisible();
  const montclairUrl = page.url();
  await signOut(page);

  // The agent sees only their commune, even by guessing another body's address.
  const link = await linkFromMail("louise.caron@roche-blanche.example", "/invitation/");
  await page.goto(link);
  await page.getByLabel("Nouveau mot de passe").fill("court");
  await page.getByLabel("Confirmez le mot de passe").fill("court");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  await expect(page.getByText("au moins 12 caractères").first()).toBeVisible();
  await page.getByLabel("Nouveau mot de passe").fill("agent-roche-2026");
  await page.getByLabel("Confirmez le mot de passe").fill("agent-roche-2026");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await signIn(page, "louise.caron@roche-blanche.example", "agent-roche-2026");
  await expect(page.getByText("Connecté : Louise Caron")).toBeVisible();
  await page.getByRole("navigation").first().getByRole("link", { name: "Organismes" }).click();
  const rows = page.getByRole("table").getByRole("rowheader");
  await expect(rows).toHaveText(["Commune de Roche-Blanche"]);
  await expectAccessible(page);
  await rows.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Commune de Roche-Blanche" })).toBeVisible();
  await expectAccessible(page);
  // Another body's page does not exist for them, even with its address.
  await page.goto(montclairUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await expect(page.getByText("Commune de Montclair")).toHaveCount(0);
  await signOut(page);

  // The invitation link cannot be used twice.
  await page.goto(link);
  await expect(page.getByText("Ce lien n'est plus valable")).toBeVisible();
});

test("the history shows who did what", async ({ page }) => {
  await signInAsAdmin(page, admin);
  await page.goto("/organismes?q=Roche");
  await page.getByRole("link", { name: "Commune de Roche-Blanche" }).click();
  const history = page.getByRole("region", { name: "Historique" }).or(page.locator("section", { has: page.getByRole("heading", { name: "Historique" }) }));
  await expect(history.getByText("Hélène Marchal — création").first()).toBeVisible();
  await expect(history.getByText("louise.caron@roche-blanche.example").first()).toBeVisible();
  await page.getByRole("link", { name: "Louise Caron" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Louise Caron" })).toBeVisible();
  await expect(page.getByText("Louise Caron — modification").first()).toBeVisible(); // she set her password
  await expect(page.getByText("Hélène Marchal — création").first()).toBeVisible();
  await expectAccessible(page);
});
