// A manager registers a partner body (checked SIRET, nothing lost on error) and imports a CSV file
// with a per-row error report.
import { expect, expectAccessible, test } from "./fixtures.ts";
import { signIn } from "./helpers.ts";

test("a manager creates a partner body, with clear errors and its history", async ({ page }) => {
  await signIn(page, "manager@val-orlene.example");
  await page.goto("/organismes");
  await page.getByRole("link", { name: "Nouvel organisme" }).click();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Raison sociale" }).fill("Association des amis du numérique");
  await page.getByRole("combobox", { name: "Type" }).selectOption({ label: "Association" });
  await page.getByRole("textbox", { name: "SIRET" }).fill("12345678901234");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("SIRET");
  await expect(page.getByRole("textbox", { name: "Raison sociale" })).toHaveValue(
    "Association des amis du numérique",
  );
  await page.getByRole("textbox", { name: "SIRET" }).fill("443 061 841 00047");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Association des amis du numérique" }),
  ).toBeVisible();
  await expect(page.getByText("Bruno Lefort — création").first()).toBeVisible();
  await expectAccessible(page);
});

test("a CSV import reports each faulty row and imports nothing until the file is right", async ({ page }) => {
  await signIn(page, "manager@val-orlene.example");
  await page.goto("/organismes/import");
  await expectAccessible(page);
  const csv = (siret: string) =>
    `raison_sociale;type;siret;code_insee\nAssociation Sport Orlène;association;${siret};\n`;
  await page
    .getByLabel("Fichier CSV")
    .setInputFiles({ name: "organismes.csv", mimeType: "text/csv", buffer: Buffer.from(csv("999")) });
  await page.getByRole("button", { name: "Importer" }).click();
  const report = page.getByRole("main").getByRole("alert");
  await expect(report).toContainText("Aucun organisme importé");
  await expect(report.getByRole("row").nth(1)).toContainText("2");
  await expect(report.getByRole("row").nth(1)).toContainText("siret");
  await page.getByLabel("Fichier CSV").setInputFiles({
    name: "organismes.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv("35600000000010")),
  });
  await page.getByRole("button", { name: "Importer" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("1 organisme(s) importé(s)");
});
