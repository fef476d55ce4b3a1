// Administrators search the audit trail and export it.
import { expect, expectAccessible, test } from "./fixtures.ts";
import { signInAsAdmin } from "./helpers.ts";

const admin: { secret?: string } = {};

test("an admin filters the audit trail and exports it as CSV", async ({ page }) => {
  await signInAsAdmin(page, admin);
  await page.getByRole("link", { name: "Journal" }).click();
  await expectAccessible(page);
  await page.getByRole("combobox", { name: "Objet" }).selectOption({ label: "Personne" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  const rows = page.getByRole("main").getByRole("row");
  await expect(rows.nth(1)).toContainText("Personne");
  // Entries in words: the person who acted and the object are links, field names are French.
  await expect(rows.nth(1).locator('a[href^="/admin/personnes/"]').first()).toBeVisible();
  await expect(page.getByRole("main").getByText("passwordHash")).toHaveCount(0);
  const href = await page.getByRole("link", { name: "Exporter en CSV" }).getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\n")[0]).toBe("date;acteur;canal;objet;identifiant;action;modifications");
  expect(text).toContain('"User"');
  expect(text).not.toContain('"Body"');
});
