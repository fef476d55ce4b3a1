// Data-migration settings: a manager edits a service's target template (a bad column name gets a French
// error naming the column, nothing typed is lost; a column is added), and a technician corrects how a
// received CSV file is read (the detected delimiter was wrong) before the check.
import iconv from "iconv-lite";
import { expect, expectAccessible, test } from "./fixtures.ts";
import { signIn, signOut } from "./helpers.ts";

const alert = '[role="alert"]:not(#__next-route-announcer__)';

test("a manager creates and edits a target template with its columns", async ({ page }) => {
  const name = `Usagers ${Date.now()}`;
  await signIn(page, "manager@val-orlene.example");
  await page.goto("/reprises");
  await page.getByRole("link", { name: "Modèles cibles" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modèles cibles");
  await expect(page.getByRole("table", { name: "Modèles cibles par service" })).toContainText("Locataires");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nouveau modèle" }).click();
  await page.getByRole("textbox", { name: "Nom du modèle" }).fill(name);
  await page.locator('[name="columns.0.name"]').fill("Nom Complet");
  await page.locator('[name="columns.0.label"]').fill("Nom complet");
  await page.locator('[name="columns.0.required"]').selectOption("yes");
  await page.getByRole("button", { name: "Enregistrer le modèle" }).click();
  const form = page.locator("form", { has: page.getByRole("button", { name: "Enregistrer le modèle" }) });
  await expect(form.locator(alert)).toContainText("Colonne 1 :");
  await expect(form).toContainText("Nom technique : une lettre minuscule d'abord");
  // Nothing typed is lost.
  await expect(page.locator('[name="columns.0.label"]')).toHaveValue("Nom complet");
  await expect(page.getByRole("textbox", { name: "Nom du modèle" })).toHaveValue(name);
  await expectAccessible(page);
  await page.locator('[name="columns.0.name"]').fill("nom_complet");
  await page.getByRole("button", { name: "Enregistrer le modèle" }).click();
  await expect(page).toHaveURL(/\/reprises\/modeles$/);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("1 colonne : Nom complet");

  // Edit: a second column (an e-mail), from the blank rows at the bottom.
  await row.getByRole("link", { name: `Modifier le modèle ${name}` }).click();
  await expect(page.locator('[name="columns.0.name"]')).toHaveValue("nom_complet");
  await page.locator('[name="columns.1.name"]').fill("courriel");
  await page.locator('[name="columns.1.label"]').fill("Courriel");
  await page.locator('[name="columns.1.type"]').selectOption("email");
  await page.getByRole("button", { name: "Enregistrer le modèle" }).click();
  await expect(page).toHaveURL(/\/reprises\/modeles$/);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText(
    "2 colonnes : Nom complet, Courriel",
  );
});

test("a technician corrects the detected delimiter of a received file before the check", async ({ page }) => {
  const title = `Reprise lecture ${Date.now()}`;
  await signIn(page, "tech@val-orlene.example");
  await page.goto("/reprises/nouvelle");
  await page
    .getByRole("combobox", { name: "Organisme" })
    .selectOption({ label: "Commune de Saint-Aubin-des-Vignes" });
  await page
    .getByRole("combobox", { name: "Service et modèle cible" })
    .selectOption({ label: "Pelehas mode web — Locataires" });
  await page.getByRole("textbox", { name: "Intitulé" }).fill(title);
  await page.getByRole("button", { name: "Créer la reprise" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);

  // A « ; » file whose header has more commas than semicolons: the detection guesses « , ».
  const file = iconv.encode(
    "Référence;Nom, prénom, civilité;Loyer (€, charges comprises)\r\nLOC-1;Garnier, Élise, Mme;412,50\r\n",
    "win1252",
  );
  await page
    .getByLabel("Déposer un fichier (CSV ou XLSX)")
    .setInputFiles({ name: "locataires.csv", mimeType: "text/csv", buffer: file });
  await page.getByRole("button", { name: "Envoyer le fichier" }).click();
  await expect(page.getByRole("status")).toContainText("Fichier reçu : locataires.csv");
  await expect(page.getByText("encodage windows-1252, séparateur « , », 4 colonnes")).toBeVisible();

  await page.getByText("Lecture du fichier").click();
  await expect(page.getByRole("combobox", { name: "Encodage" })).toHaveValue("windows-1252");
  await page.getByRole("combobox", { name: "Séparateur" }).selectOption(";");
  await page.getByRole("button", { name: "Relire le fichier" }).click();
  await expect(page.getByText("encodage windows-1252, séparateur « ; », 3 colonnes")).toBeVisible();
  // The mapping now offers the file's real columns.
  await expect(page.getByRole("combobox", { name: "Nom (obligatoire)", exact: true })).toContainText(
    "Nom, prénom, civilité",
  );
  await expect(page.getByRole("region", { name: "Historique" })).toContainText(
    "locataires.csv : windows-1252, « ; »",
  );
  await expectAccessible(page);
  await signOut(page);
});
