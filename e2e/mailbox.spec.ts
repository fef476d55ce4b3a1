// With no SMTP server (the demo), every e-mail lands in the built-in mailbox that admins read.
import { expect, expectAccessible, test } from "./fixtures.ts";
import { signIn, signInAsAdmin, signOut } from "./helpers.ts";

const admin: { secret?: string } = {};

test("reporting a ticket puts its acknowledgement, with number and promised deadline, in the built-in mailbox", async ({ page }) => {
  await signIn(page, "agent@villeneuve.example");
  await page.goto("/demandes/nouvelle");
  await page.getByRole("combobox", { name: "Service concerné" }).selectOption({ index: 1 });
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill("Site internet hors ligne");
  await page.getByRole("textbox", { name: "Description", exact: true }).fill("Le site de la commune affiche une erreur 502 depuis midi.");
  await expect(page.getByRole("textbox", { name: "Adresse e-mail", exact: true })).toHaveValue("agent@villeneuve.example");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Site internet hors ligne" })).toBeVisible();
  const number = (await page.getByText(/SOS-\d{4}-\d{6}/).first().textContent())!.match(/SOS-\d{4}-\d{6}/)![0];
  await signOut(page);

  await signInAsAdmin(page, admin);
  await page.getByRole("link", { name: "Courriels envoyés" }).click();
  await expectAccessible(page);
  const link = page.getByRole("link", { name: new RegExp(`\\[${number}\\] Demande reçue`) });
  // The worker delivers within seconds.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(number) })).toContainText("Envoyé", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`[${number}] Demande reçue : Site internet hors ligne`);
  await expect(page.getByText("agent@villeneuve.example")).toBeVisible();
  await expect(page.getByText(/Intervention prévue avant .* \(heure de Paris\)/)).toBeVisible();
  await expect(page.getByText(/\/tickets\/[0-9a-f-]{36}/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Version HTML" }).click();
  await expect(page.getByText(`Votre demande « Site internet hors ligne » est enregistrée sous le numéro ${number}.`).last()).toBeVisible();
  // The e-mail is served under a script-free sandbox (axe cannot run there; its markup is checked
  // by the template tests), so the journey ends back on the mailbox.
  await page.goBack();
  await expect(page.getByRole("link", { name: "Version HTML" })).toBeVisible();
});

test("a technician chooses which e-mails they get and in which language", async ({ page }) => {
  await signIn(page, "tech2@val-orlene.example");
  await page.goto("/compte");
  const digest = page.getByRole("checkbox", { name: "Un récapitulatif quotidien de mes tickets ouverts" });
  await expect(digest).not.toBeChecked();
  await digest.check();
  await page.getByRole("checkbox", { name: "Les alertes de délai (bientôt en retard, dépassé)" }).uncheck();
  await page.getByRole("combobox", { name: "Langue des courriels" }).selectOption({ label: "English" });
  await page.getByRole("button", { name: "Enregistrer mes préférences" }).click();
  await expect(page.getByText("Préférences enregistrées.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Un récapitulatif quotidien de mes tickets ouverts" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Les alertes de délai (bientôt en retard, dépassé)" })).not.toBeChecked();
  await expect(page.getByRole("combobox", { name: "Langue des courriels" })).toHaveValue("en");
  await expectAccessible(page);
});
