// Billing journeys: the manager's year view and the Montpellier-like plan (78 000 €), bad input refused
// with the field named, a draft explained line by line (two dedicated training days among them) then
// issued (number, PDF) and corrected by a credit note, time refused on an issued period, an agent
// reaching only their own statements; budget codes changed from a year and removed, a grid's next
// version made from it, time logged on a data-migration job and billed with a line leading to it.
import { expect, expectAccessible, test } from "./fixtures.ts";
import type { Page } from "@playwright/test";
import { signIn, signOut } from "./helpers.ts";

test.describe.configure({ timeout: 240_000 });

const year = Number(
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric" }).format(new Date()),
);

test("the cost-sharing plan shows the provider's 78 000 € and shares adding up to the cent", async ({
  page,
}) => {
  await signIn(page, "manager@val-orlene.example");
  await page.goto("/facturation");
  await expectAccessible(page);
  await expect(page.getByRole("heading", { level: 1, name: `Facturation ${year}` })).toBeVisible();
  await page.getByRole("link", { name: "Plans de partage des coûts" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: /Usine à sites — coût global partagé/ }).click();
  await expect(page.getByTestId("provider-total")).toHaveText(/78\s000,00\s€/);
  await expect(page.getByTestId("shares-total")).toHaveText(/120\s000,00\s€/);
  await expect(page.getByText(/groupe communes : 60\s000,00\s€/)).toBeVisible();
  await expectAccessible(page);
});

test("bad input gets a French error naming the field", async ({ page }) => {
  await signIn(page, "manager@val-orlene.example");
  await page.goto("/facturation/grilles");
  await expectAccessible(page);
  const form = page.getByRole("main");
  await form.getByRole("combobox", { name: "Service" }).selectOption({ label: "Pelehas mode web" });
  await form.getByRole("textbox", { name: "Intitulé de la version" }).fill("Chevauchement");
  await form.getByLabel("En vigueur à partir du").fill(`${year}-06-01`);
  await form.getByRole("textbox", { name: "Prix de l'abonnement (€)" }).fill("1000");
  await form.getByRole("button", { name: "Enregistrer la version" }).click();
  await expect(form.getByRole("alert")).toContainText("En vigueur à partir du");
  await expect(form.getByRole("alert")).toContainText("chevauche");
  await form.getByLabel("En vigueur à partir du").fill("2090-01-01");
  await form.getByRole("textbox", { name: "Frais de mise en service (€)" }).fill("-10");
  await form.getByRole("button", { name: "Enregistrer la version" }).click();
  await expect(form.getByRole("alert")).toContainText("Frais de mise en service");
  await expect(form.getByText("Le montant ne peut pas être négatif.")).toBeVisible();
  await expect(form.getByRole("textbox", { name: "Intitulé de la version" })).toHaveValue("Chevauchement");

  await page.goto("/facturation/plans");
  await form.getByRole("textbox", { name: "Nom du plan" }).fill("Plan au taux impossible");
  await form.getByRole("textbox", { name: "Coût global (€)" }).fill("1000");
  await form.getByLabel("Début de la période").fill("2026-01-01");
  await form.getByLabel("Fin de la période").fill("2026-12-31");
  await form.getByRole("textbox", { name: "Année de référence de la population" }).fill("2025");
  await form.getByRole("textbox", { name: "Participation du prestataire pour les communes (%)" }).fill("120");
  await form.getByRole("listbox", { name: "Cosignataires" }).selectOption({ label: "Commune de Montclair" });
  await form.getByRole("button", { name: "Enregistrer le plan" }).click();
  await expect(form.getByRole("alert")).toContainText("Taux de participation du prestataire");

  // Time on a period covered by an issued statement (Saint-Aubin, last year) is refused.
  await page.goto(`/facturation?annee=${year - 1}`);
  await page
    .getByRole("row")
    .filter({ hasText: "Commune de Saint-Aubin-des-Vignes" })
    .getByRole("link", { name: /REL-/ })
    .first()
    .click();
  await page.getByRole("link", { name: /^SOS-/ }).first().click();
  await page.getByText("Saisir du temps").click();
  await page.getByLabel("Date du travail").fill(`${year - 1}-06-15`);
  await page.getByRole("textbox", { name: "Durée" }).fill("1h30");
  await page.getByRole("button", { name: "Enregistrer le temps" }).click();
  await expect(page.locator("#temps").getByRole("alert")).toContainText("Date du travail");
  await expect(page.locator("#temps").getByRole("alert")).toContainText("relevé émis");
});

/** Saves the invoicing references and waits for the server to have answered (not just for the click). */
async function saveInvoicing(page: Page) {
  const saved = page.waitForResponse(
    (r) => r.request().method() === "POST" && r.url().includes("/facturation/organismes/"),
  );
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  expect((await saved).status()).toBe(200);
  await expect(
    page.getByRole("status").filter({ hasText: "Références de facturation enregistrées" }),
  ).toBeVisible();
}

test("a draft explained line by line is issued, numbered, frozen and corrected by a credit note", async ({
  page,
}) => {
  await signIn(page, "manager@val-orlene.example");
  await page.goto(`/facturation?annee=${year}`);
  await page.getByRole("link", { name: "Commune de Saint-Aubin-des-Vignes", exact: true }).click();
  await expectAccessible(page);
  const lines = page.getByRole("region", { name: `Lignes du brouillon ${year}` });
  await expect(lines).toContainText(`Abonnement ${year} — Pelehas mode web`);
  await expect(lines).toContainText(`Grille « Pelehas ${year} »`);
  await expect(lines).toContainText("12 480 habitants");
  await expect(lines).toContainText("Adaptation spécifique");
  await expect(lines).toContainText(/3 h 30 \(technicien\) × 6\d,00 € de l'heure/);
  await expect(lines).toContainText("70 / 70875 / 020");
  // The two days of the session dedicated to the commune, at the grid's day price, leading to the session.
  const training = lines
    .getByRole("row")
    .filter({ hasText: "Formation dédiée : Initiation SIG-M@ — 2 jour(s)" });
  await expect(training).toContainText("Grille « SIGMA — par habitant »");
  await expect(training).toContainText(/2 jour\(s\) × 650,00\s€ \(le \d{2}\/\d{2}\/\d{4}\)/);
  await expect(training).toContainText(/1\s300,00\s€/);
  await expect(training.getByRole("link", { name: /^FORM-\d{4}-\d{4}$/ })).toHaveAttribute(
    "href",
    /^\/formations\/[0-9a-f-]{36}$/,
  );
  // Refused while a required reference is missing.
  await page
    .getByRole("combobox", { name: "Références exigées par Chorus Pro" })
    .selectOption({ label: "Numéro d'engagement" });
  await saveInvoicing(page);
  await page.getByRole("button", { name: "Émettre le relevé" }).click();
  await expect(page.getByRole("main").getByRole("alert").first()).toContainText("numéro d'engagement");
  await page.getByRole("textbox", { name: "Numéro d'engagement" }).fill("ENG-E2E-42");
  await saveInvoicing(page);
  await page.getByRole("button", { name: "Émettre le relevé" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: new RegExp(`Relevé REL-${year}-\\d{4}`) }),
  ).toBeVisible();
  await expectAccessible(page);
  const pdfLink = page.getByRole("link", { name: /Télécharger le PDF/ });
  const pdf = await page.request.get((await pdfLink.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const total = await page.getByRole("main").locator("dd").nth(2).textContent();
  // Credit note on line 1.
  await page.getByRole("textbox", { name: "Ligne corrigée (n°)" }).fill("0");
  await page.getByRole("main").getByRole("textbox", { name: "Montant (€)" }).first().fill("10");
  await page.getByRole("textbox", { name: "Motif" }).fill("Erreur de tranche");
  await page.getByRole("button", { name: "Émettre l'avoir" }).click();
  await expect(page.getByRole("region", { name: "Avoirs" })).toContainText("Erreur de tranche");
  await expect(page.getByRole("main").locator("dd").nth(2)).toHaveText(total!);
  await expect(page.getByRole("main").locator("dd").nth(3)).toHaveText(/10,00\s€/);
});

test("an agent downloads their body's issued statement and cannot reach another body's", async ({
  page,
  browser,
}) => {
  const manager = await browser.newPage();
  await signIn(manager, "manager@val-orlene.example");
  await manager.goto(`/facturation?annee=${year - 1}`);
  const row = (name: string) => manager.getByRole("row").filter({ hasText: name });
  const own = await row("Commune de Saint-Aubin-des-Vignes")
    .getByRole("link", { name: /REL-/ })
    .first()
    .getAttribute("href");
  const other = await row("Commune de Bellerive-sur-Orlène")
    .getByRole("link", { name: /REL-/ })
    .first()
    .getAttribute("href");
  await manager.close();
  await signIn(page, "agent@saint-aubin.example");
  await page.goto("/facturation");
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: /Télécharger le PDF/ }).first()).toBeVisible();
  expect((await page.request.get(`${own}/pdf`)).status()).toBe(200);
  expect((await page.request.get(`${other}/pdf`)).status()).toBe(404);
  expect((await page.goto(other!))?.status()).toBe(404);
});

test("a manager changes a budget code from a year, is told about a duplicate, and removes it", async ({
  page,
}) => {
  await signIn(page, "manager@val-orlene.example");
  await page.goto("/facturation");
  await page.getByRole("link", { name: "Imputations budgétaires" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Imputations budgétaires" })).toBeVisible();
  await expectAccessible(page);
  const rows = page.getByRole("table", { name: "Imputations budgétaires" }).getByRole("row");
  const timeCcas = rows
    .filter({ hasText: "Adaptation spécifique (temps passé)" })
    .filter({ hasText: "CCAS" });
  await expect(timeCcas).toHaveCount(1);
  await expect(timeCcas).toContainText("70 / 70878 / 020");
  await timeCcas.getByRole("link", { name: /^Changer à partir d'une année/ }).click();
  await page.waitForURL(/modifier=/);
  await expect(
    page.getByRole("heading", { name: "Changer une imputation à partir d'une année" }),
  ).toBeVisible();
  const form = page.getByRole("main").locator("form").last();
  await expect(form.getByRole("textbox", { name: "À partir de l'année" })).toHaveValue(String(year));
  await expect(form.getByRole("textbox", { name: "Chapitre" })).toHaveValue("70");
  await expect(form.getByRole("textbox", { name: "Article" })).toHaveValue("70878");
  await expect(form.getByRole("combobox", { name: "Type d'organisme" })).toHaveValue("ccas");
  // A code with a space is refused, the field named, what was typed kept.
  await form.getByRole("textbox", { name: "Article" }).fill("7087 9");
  await form.getByRole("button", { name: "Ajouter l'imputation" }).click();
  await expect(form.getByRole("alert")).toContainText("Article");
  await expect(form.getByText("Code budgétaire invalide")).toBeVisible();
  await expect(form.getByRole("textbox", { name: "Fonction" })).toHaveValue("020");
  await form.getByRole("textbox", { name: "Article" }).fill("70879");
  await form.getByRole("button", { name: "Ajouter l'imputation" }).click();
  await page.waitForURL(/\/facturation\/imputations$/);
  const added = timeCcas.filter({ hasText: "70 / 70879 / 020" });
  await expect(added).toContainText(String(year));
  await expect(timeCcas.filter({ hasText: "70 / 70878 / 020" })).toContainText("2019");
  await expectAccessible(page);
  // The same year again: refused, the year named.
  await added.getByRole("link", { name: /^Changer à partir d'une année/ }).click();
  await page.waitForURL(/modifier=/);
  await expect(form.getByRole("textbox", { name: "À partir de l'année" })).toHaveValue(String(year + 1));
  await form.getByRole("textbox", { name: "À partir de l'année" }).fill(String(year));
  await form.getByRole("button", { name: "Ajouter l'imputation" }).click();
  await expect(form.getByRole("alert")).toContainText("À partir de l'année");
  await expect(form.getByRole("alert")).toContainText("existe déjà");
  // Removed: the 2019 coding applies again.
  await page.goto("/facturation/imputations");
  await added.getByRole("button", { name: /^Supprimer 70 \/ 70879 \/ 020/ }).click();
  await expect(added).toHaveCount(0);
  await expect(timeCcas).toHaveCount(1);
});

test("a manager creates a grid's next version from it; an overlap is refused with the field named", async ({
  page,
}) => {
  await signIn(page, "manager@val-orlene.example");
  await page.goto("/facturation/grilles");
  // From last period's closed version, its prefilled start overlaps this year's version.
  await page.getByRole("link", { name: `Pelehas ${year - 4}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Grille « Pelehas ${year - 4} » — Pelehas mode web`,
  );
  const form = page.getByRole("main").locator("form");
  await expect(form.getByLabel("En vigueur à partir du")).toHaveValue(`${year}-01-01`);
  await form.getByRole("button", { name: "Créer la version suivante" }).click();
  await expect(form.getByRole("alert")).toContainText("En vigueur à partir du");
  await expect(form.getByRole("alert")).toContainText(`chevauche la version « Pelehas ${year} »`);

  await page.goto("/facturation/grilles");
  await page.getByRole("link", { name: `Pelehas ${year}`, exact: true }).click();
  await expectAccessible(page);
  await expect(form.getByRole("textbox", { name: "Intitulé de la version" })).toHaveValue(`Pelehas ${year}`);
  await expect(form.getByRole("textbox", { name: "Taux horaire technicien (€)" })).toHaveValue("62,00");
  await expect(form.getByRole("textbox", { name: "Tranches de population" })).toHaveValue(
    "2000: 950,00\n10000: 2500,00\n: 5000,00",
  );
  await expect(form.getByLabel("En vigueur à partir du")).toHaveValue(`${year + 1}-01-01`);
  // Not after the version it comes from: refused, the date named.
  await form.getByLabel("En vigueur à partir du").fill(`${year}-01-01`);
  await form.getByRole("button", { name: "Créer la version suivante" }).click();
  await expect(form.getByRole("alert")).toContainText("En vigueur à partir du");
  await expect(form.getByRole("alert")).toContainText(`après le 01/01/${year}`);
  await expect(form.getByRole("textbox", { name: "Taux horaire technicien (€)" })).toHaveValue("62,00");
  await form.getByRole("textbox", { name: "Intitulé de la version" }).fill(`Pelehas ${year + 1}`);
  await form.getByLabel("En vigueur à partir du").fill(`${year + 1}-01-01`);
  await form.getByRole("textbox", { name: "Taux horaire technicien (€)" }).fill("65");
  await form.getByRole("button", { name: "Créer la version suivante" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Grille « Pelehas ${year + 1} » — Pelehas mode web`,
  );
  await expect(page.getByText(`En vigueur depuis le 01/01/${year + 1}, sans date de fin.`)).toBeVisible();
  await expect(page.getByText("technicien 65,00")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `Pelehas ${year} —` })).toContainText(
    `01/01/${year} – 31/12/${year}`,
  );
  await expectAccessible(page);
});

test("a technician logs time on a data-migration job; the body's draft bills it with a line leading to the job", async ({
  page,
}) => {
  await signIn(page, "tech@val-orlene.example");
  await page.goto("/reprises");
  await page
    .getByRole("row")
    .filter({ hasText: "Reprise des usagers du portail" })
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Reprise des usagers du portail");
  const time = page.locator("#temps");
  await time.getByText("Saisir du temps").click();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  await time.getByLabel("Date du travail").fill(today);
  await time.getByRole("textbox", { name: "Durée" }).fill("0");
  await time.getByRole("button", { name: "Enregistrer le temps" }).click();
  await expect(time.getByRole("alert")).toContainText("Durée");
  await time.getByRole("textbox", { name: "Durée" }).fill("2h15");
  await time.getByRole("combobox", { name: "Profil" }).selectOption({ label: "ingénieur" });
  await time.getByRole("textbox", { name: "Commentaire" }).fill("Transcodage des catégories d'usagers");
  await time.getByRole("button", { name: "Enregistrer le temps" }).click();
  await expect(page.getByTestId("billable-time")).toHaveText("Temps facturable : 2 h 15");
  await expect(time).toContainText("Transcodage des catégories d'usagers");
  await expectAccessible(page);
  const jobUrl = new URL(page.url()).pathname;
  await signOut(page);

  await signIn(page, "manager@val-orlene.example");
  await page.goto(`/facturation?annee=${year}`);
  await page.getByRole("link", { name: "CCAS de Villeneuve-d'Orlène", exact: true }).click();
  const line = page
    .getByRole("region", { name: `Lignes du brouillon ${year}` })
    .getByRole("row")
    .filter({ hasText: "Adaptation spécifique — reprise de données" });
  await expect(line).toContainText("Reprise des usagers du portail");
  await expect(line).toContainText("2 h 15 (ingénieur) × 85,00 € de l'heure (bordereau des prix)");
  await expect(line).toContainText(/191,25\s€/);
  await line.getByRole("link", { name: /^REP-/ }).click();
  await page.waitForURL((u) => u.pathname === jobUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Reprise des usagers du portail");
});

test("a manager edits a cost-sharing plan's rates from its prefilled form", async ({ page }) => {
  await signIn(page, "manager@val-orlene.example");
  await page.goto("/facturation/plans");
  await page.getByRole("link", { name: /Usine à sites — coût global partagé/ }).click();
  const form = page.getByRole("region", { name: "Modifier le plan" }).locator("form");
  await expect(form.getByRole("textbox", { name: "Coût global (€)" })).toHaveValue("120000,00");
  await expect(form.getByRole("combobox", { name: "Service concerné" })).toHaveValue(/[0-9a-f-]{36}/);
  const ccas = form.getByRole("textbox", { name: "Participation du prestataire pour les CCAS/CIAS (%)" });
  await expect(ccas).toHaveValue("80");
  await ccas.fill("120");
  await form.getByRole("button", { name: "Enregistrer les modifications du plan" }).click();
  await expect(form.getByRole("alert")).toContainText("Taux de participation du prestataire");
  await expect(form.getByRole("textbox", { name: "Coût global (€)" })).toHaveValue("120000,00");
  // CCAS at 70 %: the CCAS half (60 000 €) gets 42 000 €, the communes' 30 000 €.
  await ccas.fill("70");
  await form.getByRole("button", { name: "Enregistrer les modifications du plan" }).click();
  await expect(page.getByTestId("provider-total")).toHaveText(/72\s000,00\s€/);
  await expect(page.getByTestId("shares-total")).toHaveText(/120\s000,00\s€/);
  await expectAccessible(page);
  // Back to the deliberation's 80 %.
  await ccas.fill("80");
  await form.getByRole("button", { name: "Enregistrer les modifications du plan" }).click();
  await expect(page.getByTestId("provider-total")).toHaveText(/78\s000,00\s€/);
});
