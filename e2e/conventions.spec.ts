// A manager creates a CCAS convention at 12 business hours, amends it to 8 hours from a later date,
// and sees which terms applied on any given day; partners see their own conventions, read-only.
import { expect, expectAccessible, test } from "./fixtures.ts";
import { signIn } from "./helpers.ts";

test("a manager creates a convention, amends its intervention target and reads the terms of any day", async ({
  page,
}) => {
  await signIn(page, "manager@val-orlene.example");
  await page.goto("/conventions");
  await expectAccessible(page);
  // Conventions ending soon show up for managers.
  await expect(page.getByRole("region", { name: "Échéances à surveiller" })).toContainText(
    "Commune de Bellerive-sur-Orlène",
  );
  await page.getByRole("link", { name: "Nouvelle convention" }).click();
  await page.getByRole("textbox", { name: "Intitulé", exact: true }).fill("Adhésion au SIG mutualisé");
  await page
    .getByRole("textbox", { name: "Référence de la délibération", exact: true })
    .fill("VDO-201-1402/26/BM");
  await page
    .getByRole("combobox", { name: "Organisme signataire" })
    .selectOption({ label: "CCAS de Bellerive-sur-Orlène" });
  await page.getByLabel("Date de début").fill("2026-01-01");
  await page.getByLabel("Date de fin").fill("2025-12-31");
  await page.getByRole("combobox", { name: "Reconduction" }).selectOption({ label: "Tacite" });
  await page.getByRole("textbox", { name: "Durée de chaque reconduction tacite (années)" }).fill("3");
  await page.getByRole("button", { name: "Créer la convention" }).click();
  // A clear error naming the field, and nothing typed is lost.
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Date de fin");
  await expect(page.getByText("La date de fin précède la date de début.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Intitulé", exact: true })).toHaveValue(
    "Adhésion au SIG mutualisé",
  );
  await page.getByLabel("Date de fin").fill("2028-12-31");
  await page.getByRole("button", { name: "Créer la convention" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Adhésion au SIG mutualisé" })).toBeVisible();
  await expect(page.getByText("Brouillon", { exact: true })).toBeVisible();
  await expect(page.getByText("Commune de Bellerive-sur-Orlène").first()).toBeVisible(); // pricing commune, derived
  const conventionUrl = page.url();

  // The service and its 12 business-hour intervention target (high priority).
  await page.getByRole("link", { name: "Ajouter un service" }).click();
  await page.getByRole("combobox", { name: "Service" }).selectOption({ label: "SIG-M@" });
  await page.getByRole("button", { name: "Continuer" }).click();
  await expectAccessible(page);
  const high = page.getByRole("group", { name: "Haute" });
  await page
    .getByRole("combobox", { name: "Calendrier des heures ouvrées" })
    .selectOption({ label: "Horaires de la DSI" });
  await high.getByRole("textbox", { name: "Intervention (heures)", exact: true }).fill("douze");
  await page.getByRole("button", { name: "Enregistrer les délais" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Délai d'intervention");
  await high.getByRole("textbox", { name: "Intervention (heures)", exact: true }).fill("12");
  await high
    .getByRole("combobox", { name: "Décompte de l'intervention" })
    .selectOption({ label: "heures ouvrées" });
  await page.getByRole("button", { name: "Enregistrer les délais" }).click();
  await expect(page).toHaveURL(new RegExp(`^${conventionUrl}`));
  await page.getByRole("button", { name: "Activer la convention (signée)" }).click();
  await expect(page.getByText("En vigueur", { exact: true })).toBeVisible();

  // The amendment: from 1 March 2027, 8 hours.
  await page.getByText("Préparer un avenant").click();
  await page.getByLabel("Date d'effet").fill("2027-03-01");
  await page
    .getByRole("textbox", { name: "Objet de l'avenant", exact: true })
    .fill("Intervention ramenée à 8 heures ouvrées");
  await page.getByRole("button", { name: "Créer l'avenant" }).click();
  await expect(
    page.getByRole("heading", { name: /^Avenant n° 1 — à partir du 1er mars 2027 brouillon, non signé$/ }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Modifier les délais de SIG-M@" }).click();
  await expect(
    page
      .getByRole("group", { name: "Haute" })
      .getByRole("textbox", { name: "Intervention (heures)", exact: true }),
  ).toHaveValue("12");
  await page
    .getByRole("group", { name: "Haute" })
    .getByRole("textbox", { name: "Intervention (heures)", exact: true })
    .fill("8");
  await page.getByRole("button", { name: "Enregistrer les délais" }).click();
  await page.getByRole("button", { name: "Valider l'avenant signé" }).click();
  await expect(
    page.getByRole("heading", { name: /Convention initiale — du 1er janvier 2026 au 28 février 2027/ }),
  ).toBeVisible();
  await expectAccessible(page);

  // Which terms applied on a given day.
  const termsOn = async (day: string) => {
    await page.getByLabel("Date", { exact: true }).fill(day);
    await page.getByRole("button", { name: "Afficher" }).click();
    return page.getByRole("main").getByRole("status");
  };
  let answer = await termsOn("2027-02-28");
  await expect(answer).toContainText("la version applicable est : Convention initiale");
  await expect(answer.getByRole("row", { name: /Haute/ })).toContainText("12 h (heures ouvrées)");
  answer = await termsOn("2027-03-01");
  await expect(answer).toContainText("la version applicable est : Avenant n° 1");
  await expect(answer.getByRole("row", { name: /Haute/ })).toContainText("8 h (heures ouvrées)");
  answer = await termsOn("2025-06-01");
  await expect(answer).toContainText("la convention n'était pas en vigueur");

  // The signed convention, attached and downloaded back; a fake PDF is refused.
  await page.getByText("Joindre un document").click();
  await page.getByRole("textbox", { name: "Intitulé du document", exact: true }).fill("Convention signée");
  await page.getByLabel("Fichier").setInputFiles({
    name: "convention.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("MZ not a pdf"),
  });
  await page.getByRole("button", { name: "Joindre", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("ne correspond pas à son type");
  const pdf = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n");
  await page
    .getByLabel("Fichier")
    .setInputFiles({ name: "convention.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Joindre", exact: true }).click();
  const link = page.getByRole("link", { name: "Convention signée" });
  await expect(link).toBeVisible();
  const download = await page.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);

  await expect(page.getByText("Bruno Lefort — création").first()).toBeVisible();
});

test("a partner agent sees only their bodies' conventions, read-only", async ({ page }) => {
  await signIn(page, "agent@bellerive.example");
  await page.getByRole("link", { name: "Conventions" }).click();
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: "Nouvelle convention" })).toHaveCount(0);
  const rows = page.getByRole("main").getByRole("row");
  await expect(rows.filter({ hasText: "Commune de Bellerive-sur-Orlène" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "Saint-Aubin" })).toHaveCount(0);
  await page
    .getByRole("link", { name: /^CONV-/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Versions de la convention" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Actions" })).toHaveCount(0);
  await expect(page.getByText("Préparer un avenant")).toHaveCount(0);
});

test("a manager previews a calendar with holidays and closures, and adds a closure", async ({ page }) => {
  await signIn(page, "manager@val-orlene.example");
  await page.getByRole("link", { name: "Calendriers" }).click();
  await page.getByRole("link", { name: "Horaires de la DSI" }).click();
  const year = new Date().getFullYear();
  await page.getByLabel("À partir du").fill(`${year}-12-21`);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("row", { name: /25 décembre/ })).toContainText("Férié : Noël");
  await expect(page.getByRole("row", { name: /24 décembre/ })).toContainText("Fermeture");
  const weekday = [21, 22, 23].find((d) => ![0, 6].includes(new Date(Date.UTC(year, 11, d)).getUTCDay()))!;
  await expect(page.getByRole("row", { name: new RegExp(`\\b${weekday} décembre`) })).toContainText(
    "08:30–12:00, 13:30–17:30",
  );
  await expectAccessible(page);

  await page.getByLabel("Premier jour fermé").fill(`${year}-12-30`);
  const label = `Inventaire annuel ${Date.now()}`;
  await page.getByRole("textbox", { name: "Motif", exact: true }).fill(label);
  await page.getByRole("button", { name: "Ajouter la fermeture" }).click();
  await expect(page.locator("#closures").getByRole("listitem").filter({ hasText: label })).toBeVisible();
  await page.getByLabel("À partir du").fill(`${year}-12-21`);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("row", { name: /30 décembre/ })).toContainText("Fermeture");

  // Bad opening hours get a clear error, and the form keeps what was typed.
  await page.getByRole("textbox", { name: "Samedi", exact: true }).fill("09:00-25:00");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Horaires hebdomadaires");
  await expect(page.getByRole("textbox", { name: "Samedi", exact: true })).toHaveValue("09:00-25:00");
});
