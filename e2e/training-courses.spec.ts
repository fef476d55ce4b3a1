// Training catalogue journeys: a manager edits a course (a bad value refused in French, nothing typed
// lost) and reads its page; course materials uploaded as files (type checked by content, a 15 MB file
// past the server-action and proxy limits) and downloaded by a subscribed agent, refused to an agent of
// a body with neither registration nor subscription; a session's history with who and when
// (Europe/Paris), a partner seeing only their own people's events.
import { expect, expectAccessible, test } from "./fixtures.ts";
import { setClock, signIn, signOut } from "./helpers.ts";

const BELLERIVE = "Commune de Bellerive-sur-Orlène";
const VILLENEUVE = "Commune de Villeneuve-d'Orlène";

test.describe.configure({ mode: "serial" });
test.afterAll(() => setClock(null));

test("a manager edits a course of the catalogue and reads its page", async ({ page, visit }) => {
  setClock(null);
  await signIn(page, "manager@val-orlene.example");
  await visit("/formations?vue=catalogue");
  await page.getByRole("link", { name: "Sécurité du poste de travail" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sécurité du poste de travail");
  await expect(page.getByRole("heading", { name: "Sessions à venir" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sessions passées" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Modifier le cours" }).click();
  await expect(page.getByLabel(/^Intitulé/)).toHaveValue("Sécurité du poste de travail");
  await expectAccessible(page);

  // A duration of 0 half-days is refused, naming the field; what was typed stays.
  await page.getByLabel(/^Intitulé/).fill("Sécurité du poste de travail et des mots de passe");
  await page.getByLabel("Public").fill("Tous les agents");
  await page.getByLabel(/^Durée/).fill("0");
  await page.getByRole("button", { name: "Enregistrer le cours" }).click();
  await expect(page.locator("form [role=alert]")).toContainText("Durée");
  await expect(page.getByLabel(/^Intitulé/)).toHaveValue("Sécurité du poste de travail et des mots de passe");
  await expect(page.getByLabel("Public")).toHaveValue("Tous les agents");
  await expect(page.getByLabel(/^Durée/)).toHaveValue("0");

  await page.getByLabel(/^Durée/).fill("2");
  await page.getByRole("button", { name: "Enregistrer le cours" }).click();
  await page.waitForURL(/\/formations\/cours\/[0-9a-f-]{36}\?enregistre=1$/);
  await expect(page.getByRole("status")).toContainText("Cours enregistré.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Sécurité du poste de travail et des mots de passe",
  );
  await expect(page.getByText("Tous les agents")).toBeVisible();
  await expect(page.getByText("2 demi-journées")).toBeVisible();
  await expectAccessible(page);
});

test("course materials: uploaded as files, checked by content, for subscribed agents only", async ({
  page,
  visit,
}) => {
  test.setTimeout(240_000);
  setClock(null);
  await signIn(page, "manager@val-orlene.example");
  await visit("/formations?vue=catalogue");
  await page.getByRole("link", { name: "Pelehas mode web : prise en main" }).click();
  await page.waitForURL(/\/formations\/cours\/[0-9a-f-]{36}$/);
  const courseUrl = new URL(page.url()).pathname;
  const form = page.locator("form", { has: page.getByLabel("Fichier") });

  // A program renamed .pdf is refused: its content is not a PDF.
  await page.getByLabel("Fichier").setInputFiles({
    name: "programme.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("MZ\x90\x00\x03 this is not a PDF"),
  });
  await form.getByRole("button", { name: "Ajouter le support" }).click();
  await expect(form.locator("[role=alert]")).toContainText("son contenu ne correspond pas à son type");

  // A real PDF with a title, then a 15 MB one (past the 1 MB of server actions and the proxy's 10 MB).
  await page.getByLabel(/^Intitulé/).fill("Support jour 1");
  await page.getByLabel("Fichier").setInputFiles({
    name: "support.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% Support de cours Pelehas\n%%EOF\n"),
  });
  await form.getByRole("button", { name: "Ajouter le support" }).click();
  await expect(form.getByRole("status")).toContainText("Support « support.pdf » ajouté.");
  await expect(page.getByRole("link", { name: "Support jour 1" })).toBeVisible();

  const big = Buffer.alloc(15 * 1024 * 1024, 0x20);
  big.write("%PDF-1.4\n");
  const started = Date.now();
  await page
    .getByLabel("Fichier")
    .setInputFiles({ name: "gros-support.pdf", mimeType: "application/pdf", buffer: big });
  await form.getByRole("button", { name: "Ajouter le support" }).click();
  await expect(form.getByRole("status")).toContainText("Support « gros-support.pdf » ajouté.");
  console.log(`15 MB material uploaded in ${Date.now() - started} ms`);

  // Over 20 MB: refused before sending, in French.
  await page.getByLabel("Fichier").setInputFiles({
    name: "trop-gros.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.alloc(21 * 1024 * 1024, 0x25),
  });
  await form.getByRole("button", { name: "Ajouter le support" }).click();
  await expect(form.locator("[role=alert]")).toContainText("trop volumineux (20 Mo au plus)");
  await expectAccessible(page);

  const href = (await page.getByRole("link", { name: "Support jour 1" }).getAttribute("href"))!;
  const bigHref = (await page.getByRole("link", { name: "gros-support.pdf" }).getAttribute("href"))!;
  const asManager = await page.request.get(href);
  expect(asManager.status()).toBe(200);
  expect((await asManager.body()).subarray(0, 5).toString()).toBe("%PDF-");
  expect(asManager.headers()["content-disposition"]).toContain("support.pdf");
  const bigBack = await page.request.get(bigHref);
  expect((await bigBack.body()).length).toBe(big.length);

  // Removing one: gone from the page and from the download route.
  await page.getByRole("button", { name: "Retirer le support gros-support.pdf" }).click();
  await expect(page.getByRole("link", { name: "gros-support.pdf" })).toHaveCount(0);
  expect((await page.request.get(bigHref)).status()).toBe(404);
  await signOut(page);

  // Saint-Aubin subscribes to Pelehas: its agent downloads the material.
  await signIn(page, "agent@saint-aubin.example");
  await visit(courseUrl);
  await expect(page.getByRole("link", { name: "Support jour 1" })).toBeVisible();
  await expect(page.getByLabel("Fichier")).toHaveCount(0);
  expect((await page.request.get(href)).status()).toBe(200);
  await signOut(page);

  // Bellerive neither subscribes to Pelehas nor has anyone registered: no material, not even by URL.
  await signIn(page, "agent@bellerive.example");
  await visit(courseUrl);
  await expect(page.getByText("Les supports sont réservés")).toBeVisible();
  await expect(page.getByRole("link", { name: "Support jour 1" })).toHaveCount(0);
  expect((await page.request.get(href)).status()).toBe(404);
  const upload = await page.request.post(
    `/api/formations/supports/televersement/${courseUrl.split("/").pop()}`,
    {
      data: Buffer.from("%PDF-1.4\n"),
      headers: { "x-file-name": "pirate.pdf", "content-type": "application/octet-stream" },
    },
  );
  expect(upload.status()).toBe(403);
  await signOut(page);
});

test("a session's history says who did what and when, each partner seeing only their people", async ({
  page,
  visit,
}) => {
  test.setTimeout(240_000);
  // 14:05 UTC on 15 January 2027 is 15:05 in Paris.
  setClock(new Date("2027-01-15T14:05:00Z"));
  await signIn(page, "manager@val-orlene.example");
  await visit("/formations/nouvelle");
  await page.getByLabel("Cours").selectOption({ label: "SIG-M@ : cadastre et urbanisme — SIG-M@" });
  await page.getByLabel("Date du créneau 1").fill("2027-03-22");
  await page.getByLabel("Début du créneau 1").fill("09:00");
  await page.getByLabel("Fin du créneau 1").fill("12:30");
  await page.getByLabel("Salle").fill("Salle de l'histoire");
  await page.getByLabel("Formateur", { exact: true }).selectOption({ label: "Nadia Belkacem" });
  await page.getByLabel(/^Capacité/).fill("1");
  await page.getByRole("button", { name: "Ouvrir la session" }).click();
  await page.waitForURL(/\/formations\/[0-9a-f-]{36}$/);
  const sessionUrl = new URL(page.url()).pathname;
  const history = page.getByTestId("training-history");
  await expect(history).toContainText("Session ouverte (1 place)");
  await expect(history).toContainText("15:05");
  await expect(history).toContainText("par Bruno Lefort");

  // One seat: a Villeneuve agent takes it, a Bellerive agent waits.
  const register = async (body: string) => {
    const select = page.getByLabel(/^Personne/);
    const label = (await select.locator("option", { hasText: body }).first().textContent())!;
    await select.selectOption({ label });
    await page.getByRole("button", { name: "Inscrire une personne" }).click();
    await expect(page.getByText("Inscription enregistrée")).toBeVisible();
    return label.split(" — ")[0]!;
  };
  const fromVilleneuve = await register(VILLENEUVE);
  const fromBellerive = await register(BELLERIVE);
  await expect(history).toContainText(`${fromVilleneuve} (${VILLENEUVE}) inscrit·e`);
  await expect(history).toContainText(
    `${fromBellerive} (${BELLERIVE}) placé·e en liste d'attente, position 1`,
  );

  // The room changes: the history says from what to what.
  await page.getByRole("link", { name: "Modifier la session" }).click();
  await page.getByLabel("Salle").fill("Salle du conseil");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.waitForURL(new RegExp(`${sessionUrl}$`));
  await expect(history).toContainText("Session modifiée");
  await expect(history).toContainText("Salle : Salle de l'histoire → Salle du conseil");

  // Villeneuve's registration is cancelled: Bellerive's agent is promoted, by Mutuo itself.
  await page
    .getByRole("row", { name: new RegExp(fromVilleneuve) })
    .getByRole("button", { name: "Annuler l'inscription" })
    .click();
  await expect(history).toContainText(`Désinscription de ${fromVilleneuve} (${VILLENEUVE})`);
  await expect(history).toContainText(
    `${fromBellerive} (${BELLERIVE}) passe de la liste d'attente aux inscrits automatiquement`,
  );
  await expectAccessible(page);
  await signOut(page);

  // Villeneuve's agent sees the session's events and their colleague's, nothing of Bellerive.
  await signIn(page, "agent@villeneuve.example");
  await visit(sessionUrl);
  await expect(history).toContainText("Session ouverte (1 place)");
  await expect(history).toContainText("Session modifiée");
  await expect(history).toContainText(`Désinscription de ${fromVilleneuve} (${VILLENEUVE})`);
  await expect(history).not.toContainText(fromBellerive);
  await expect(history).not.toContainText(BELLERIVE);
  await expect(page.getByText(fromBellerive)).toHaveCount(0);
  await signOut(page);
});
