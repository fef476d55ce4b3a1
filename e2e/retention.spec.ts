// Retention of personal data: the administrators' page lists what the next nightly run will anonymise.
import { expect, expectAccessible, test } from "./fixtures.ts";
import { setClock, signIn, signInAsAdmin, signOut } from "./helpers.ts";

const admin: { secret?: string } = {};

test.afterEach(() => setClock(null));

test("an administrator sees which declarants the next run will anonymise, and changes the retention period", async ({
  page,
}) => {
  // A partner agent reports a fault, then cancels it: the ticket has ended today.
  await signIn(page, "agent@bellerive.example");
  await page.goto("/demandes/nouvelle");
  await page.getByRole("combobox", { name: "Service concerné" }).selectOption({ index: 1 });
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill("Scanner de l'accueil muet");
  await page
    .getByRole("textbox", { name: "Description", exact: true })
    .fill("Le scanner de l'accueil n'envoie plus rien vers la messagerie.");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Scanner de l'accueil muet" })).toBeVisible();
  const number = (await page
    .getByText(/SOS-\d{4}-\d{6}/)
    .first()
    .textContent())!.match(/SOS-\d{4}-\d{6}/)![0];
  await page.getByRole("button", { name: "Annuler la demande" }).click();
  await page
    .getByRole("dialog", { name: "Annuler cette demande ?" })
    .getByRole("button", { name: "Oui, annuler la demande" })
    .click();
  await expect(page.getByText("Annulée").first()).toBeVisible();
  await signOut(page);

  await signInAsAdmin(page, admin);
  // Today, nothing of this ticket is due: it ended less than 36 months ago.
  await page.getByRole("link", { name: "Conservation des données" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Conservation des données" })).toBeVisible();
  await expect(
    page.getByText("Durée en vigueur : 36 mois (valeur par défaut de la configuration)."),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: number })).toHaveCount(0);

  // 37 months later, the next run will anonymise its declarant: the page says so before it runs.
  const later = new Date();
  later.setUTCMonth(later.getUTCMonth() + 37);
  setClock(later);
  await page.reload();
  // Oldest first, the demo's history before it: the administrator looks the ticket up.
  const main = page.getByRole("main");
  await main.getByRole("searchbox", { name: "Numéro de ticket, déclarant ou organisme" }).fill(number);
  await main.getByRole("button", { name: "Rechercher" }).click();
  await page.waitForURL(/[?&]q=/);
  const row = page.getByRole("row", { name: new RegExp(number) });
  await expect(row).toContainText("Commune de Bellerive-sur-Orlène");
  await expect(row).toContainText("Marc Delorme");
  await expect(row).toContainText("annulé");
  await expect(row).toContainText("nom, e-mail");
  await expect(page.getByTestId("retention-counts")).toContainText(/\d+ tickets? à anonymiser/);
  await expectAccessible(page);

  // A wrong period is refused with the field named, and what was typed stays.
  const field = page.getByRole("textbox", { name: "Durée de conservation (mois)" });
  await field.fill("0");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Durée de conservation (mois)");
  await expect(page.getByText("Une durée en mois, de 1 à 240.")).toBeVisible();
  await expect(field).toHaveValue("0");

  // A longer period: the ticket is no longer due.
  await field.fill("48");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Durée de conservation enregistrée.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Durée en vigueur : 48 mois (choisie par un administrateur).")).toBeVisible();
  await expect(page.getByRole("link", { name: number })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Durée de conservation (mois)" }).fill("36");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Durée de conservation enregistrée.")).toBeVisible();
});
