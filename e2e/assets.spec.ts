// The asset registry: an agent reports a fault on their lent laptop picked from their equipment and
// the technician sees each on the other; QR labels that open the asset's page; another body's agent
// gets nothing; bad input keeps what was typed. Uses the demo registry (DSI-PC-001 is lent to
// Saint-Aubin-des-Vignes).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures.ts";
import { signIn, signOut } from "./helpers.ts";

const LAPTOP = "DSI-PC-001";
/** Lent to Bellerive-sur-Orlène, whose agent acts for that one body. */
const BELLERIVE_LAPTOP = "DSI-PC-002";

test.describe.configure({ timeout: 240_000 });

async function assetId(page: Page, tag: string): Promise<string> {
  await page.goto(`/equipements?q=${tag}`);
  const href = await page.getByRole("link", { name: tag, exact: true }).getAttribute("href");
  return href!.split("/").pop()!;
}

test("an agent reports a fault on their lent laptop; the technician sees each on the other", async ({
  page,
}) => {
  await signIn(page, "agent@bellerive.example");
  await page.getByRole("link", { name: "Mon équipement" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon équipement" })).toBeVisible();
  await expect(page.getByRole("link", { name: BELLERIVE_LAPTOP, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: LAPTOP, exact: true })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: BELLERIVE_LAPTOP, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: BELLERIVE_LAPTOP })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Signaler une panne sur cet équipement" }).click();
  const picker = page.getByRole("combobox", { name: "Équipement concerné (de votre parc)" });
  await expect(picker.locator("option:checked")).toContainText(BELLERIVE_LAPTOP);
  await page.getByRole("combobox", { name: "Service concerné" }).selectOption({ index: 1 });
  const subject = `Portable ${BELLERIVE_LAPTOP} qui ne démarre plus ${Date.now()}`;
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill(subject);
  await page
    .getByRole("textbox", { name: "Description", exact: true })
    .fill("Écran noir au démarrage depuis ce matin, voyant de charge allumé.");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(page.getByTestId("ticket-asset")).toContainText(BELLERIVE_LAPTOP);
  const ticketUrl = page.url().split("?")[0]!;
  const number = (await page
    .getByText(/SOS-\d{4}-\d{6}/)
    .first()
    .textContent())!.match(/SOS-\d{4}-\d{6}/)![0];
  await signOut(page);

  await signIn(page, "tech@val-orlene.example");
  await page.goto(ticketUrl);
  await page.getByTestId("ticket-asset").getByRole("link", { name: BELLERIVE_LAPTOP }).click();
  await expect(page.getByRole("heading", { level: 1, name: BELLERIVE_LAPTOP })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Tickets liés" }).getByRole("link", { name: number }),
  ).toBeVisible();
  await expect(page.getByText(`Ticket ${number} ouvert sur cet équipement`)).toBeVisible();
  await expectAccessible(page);
});

test("labels for 20 assets print their tags and a QR code that opens the asset", async ({ page }) => {
  await signIn(page, "tech@val-orlene.example");
  await page.goto("/equipements");
  await expectAccessible(page);
  const boxes = page.getByRole("checkbox", { name: /^Choisir / });
  const ids: string[] = [];
  const tags: string[] = [];
  for (let i = 0; i < 20; i++) {
    const box = boxes.nth(i);
    await box.check();
    ids.push((await box.getAttribute("value"))!);
    tags.push((await box.getAttribute("aria-label"))!.replace("Choisir ", ""));
  }
  const response = await page.request.get(
    `/equipements/etiquettes.pdf?${ids.map((id) => `ids=${id}`).join("&")}`,
  );
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutuo-labels-"));
  const pdf = path.join(dir, "labels.pdf");
  fs.writeFileSync(pdf, await response.body());
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString("utf8");
  for (const tag of tags) expect(text).toContain(tag);
  // The first label's QR code, read back from the rendered page.
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "150",
    "-f",
    "1",
    "-l",
    "1",
    "-x",
    "0",
    "-y",
    "0",
    "-W",
    "420",
    "-H",
    "220",
    pdf,
    path.join(dir, "p"),
  ]);
  const png = PNG.sync.read(fs.readFileSync(path.join(dir, "p-1.png")));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code?.data).toMatch(new RegExp(`/equipements/${ids[0]}$`));
  await page.goto(new URL(code!.data).pathname);
  await expect(page.getByRole("heading", { level: 1, name: tags[0] })).toBeVisible();
});

test("another body's agent gets a 404 on the asset and its QR link, and never sees it listed", async ({
  page,
}) => {
  await signIn(page, "tech@val-orlene.example");
  const id = await assetId(page, LAPTOP);
  await signOut(page);
  // Scanning the label signed out: sign-in first, then back to the asset.
  await page.goto(`/equipements/${id}`);
  await expect(page).toHaveURL(/\/connexion/);
  await page.getByLabel("Adresse e-mail").fill("agent@bellerive.example");
  await page.getByLabel("Mot de passe").fill("mutuo-demo-2026");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => url.pathname !== "/connexion");
  expect((await page.goto(`/equipements/${id}`))!.status()).toBe(404);
  expect((await page.request.get(`/equipements/etiquettes.pdf?ids=${id}`)).status()).toBe(404);
  await page.goto(`/equipements?q=${LAPTOP}`);
  await expect(page.getByRole("link", { name: LAPTOP, exact: true })).toHaveCount(0);
  await signOut(page);
  // Its own agent, signed out, comes back to the page after signing in.
  await page.goto(`/equipements/${id}`);
  await page.getByLabel("Adresse e-mail").fill("agent@saint-aubin.example");
  await page.getByLabel("Mot de passe").fill("mutuo-demo-2026");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: LAPTOP })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/equipements/${id}$`));
});

test("a serial number already used and a 30 MB photo get a French error naming the field", async ({
  page,
}) => {
  await signIn(page, "tech@val-orlene.example");
  await page.goto(`/equipements/${await assetId(page, LAPTOP)}`);
  const serial = (await page.locator("dt:text-is('Numéro de série') + dd").textContent())!.trim();
  await page.goto("/equipements/nouveau");
  await expectAccessible(page);
  const tag = `E2E-PC-${Date.now()}`;
  await page.getByRole("textbox", { name: "Étiquette" }).fill(tag);
  await page.getByRole("textbox", { name: "Numéro de série" }).fill(serial);
  await page.getByRole("combobox", { name: "Type" }).selectOption({ label: "Ordinateur portable" });
  await page.getByRole("textbox", { name: "Modèle" }).fill("ThinkPad X13");
  await page.getByRole("textbox", { name: "Valeur d'achat (€)" }).fill("1 049,90");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "Ce numéro de série est déjà utilisé",
  );
  await expect(page.getByRole("textbox", { name: "Numéro de série" })).toHaveAccessibleDescription(
    /Ce numéro de série est déjà utilisé/,
  );
  await expect(page.getByRole("textbox", { name: "Étiquette" })).toHaveValue(tag);
  await expect(page.getByRole("textbox", { name: "Modèle" })).toHaveValue("ThinkPad X13");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Numéro de série" }).fill(`SN-${tag}`);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: tag })).toBeVisible();
  await expect(page.getByText(/1\s049,90\s€/)).toBeVisible();

  await page.getByRole("textbox", { name: "Intitulé (facultatif)" }).fill("Photo de l'étiquette");
  const big = Buffer.alloc(30 * 1024 * 1024);
  big.set([0xff, 0xd8, 0xff]);
  await page
    .getByLabel("Photo ou document")
    .setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: big });
  await page.getByRole("button", { name: "Joindre" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "Photo ou document : fichier trop volumineux",
  );
  await expect(page.getByRole("textbox", { name: "Intitulé (facultatif)" })).toHaveValue(
    "Photo de l'étiquette",
  );
  await expectAccessible(page);
  // A real phone photo (4 MB, above a server action's default 1 MB body) goes through.
  const photo = Buffer.alloc(4 * 1024 * 1024, 0x20);
  photo.set([0xff, 0xd8, 0xff, 0xe0]);
  await page
    .getByLabel("Photo ou document")
    .setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: photo });
  await page.getByRole("button", { name: "Joindre" }).click();
  await expect(
    page.locator("#fichiers").locator("..").getByRole("link", { name: "Photo de l'étiquette" }),
  ).toBeVisible();
});
