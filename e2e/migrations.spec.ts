// A data migration from job creation to production load: the technician creates the job, the
// commune's agent uploads a Windows-1252 `;` CSV exported from Excel, the technician maps the columns
// (most proposed), runs the check in the worker, the error report names rows and columns in French,
// the agent sends a fixed file, the check is clean, the test load shows its counts, the agent signs
// off, the PDF shows the sign-off, the technician records the production load, the job is done.
// Another body's agent sees none of it; bad input gets a clear French error.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures.ts";
import { signIn, signOut } from "./helpers.ts";
import { tenantFile } from "../packages/core/src/migrations/samples.ts";

const upload = async (page: Page, name: string, buffer: Buffer) => {
  await page
    .getByLabel("Déposer un fichier (CSV ou XLSX)")
    .setInputFiles({ name, mimeType: "text/csv", buffer });
  await page.getByRole("button", { name: "Envoyer le fichier" }).click();
};

test("a data migration goes from files received to production, signed off by the partner", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const title = `Reprise des locataires ${Date.now()}`;
  await signIn(page, "tech@val-orlene.example");
  await page.goto("/reprises");
  await expectAccessible(page);
  // Opened as a page of its own: choices made while a client navigation is still rendering the form
  // would be replaced by a fresh one.
  await expect(page.getByRole("link", { name: "Nouvelle reprise" })).toHaveAttribute(
    "href",
    "/reprises/nouvelle",
  );
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
  await expect(page.getByText("Planifiée", { exact: true })).toBeVisible();
  const jobUrl = page.url();
  await signOut(page);

  // The commune's agent sends files: bad ones first (nothing is lost, a clear French error), then the export.
  await signIn(page, "agent@saint-aubin.example");
  await page.goto(jobUrl);
  await expectAccessible(page);
  await upload(page, "export.xlsx", Buffer.from("PK\u0003\u0004 pas un classeur"));
  await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)')).toContainText(
    "n'est pas un classeur Excel (XLSX) valide",
  );
  await upload(page, "vide.csv", Buffer.alloc(0));
  await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)')).toContainText(
    "Le fichier est vide.",
  );
  await upload(page, "sans-entete.csv", Buffer.from("LOC-1;DUPONT;Élise;12/03/1980\r\n"));
  await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)')).toContainText(
    "pas de ligne d'en-tête",
  );
  await upload(page, "locataires.csv", iconv.encode(tenantFile(60, 10), "win1252"));
  await expect(page.getByRole("status")).toContainText("Fichier reçu : locataires.csv");
  await expect(page.getByText("encodage windows-1252, séparateur « ; », 14 colonnes")).toBeVisible();
  await signOut(page);

  // The technician maps: most columns are proposed; the postal code is not, and is required.
  await signIn(page, "tech@val-orlene.example");
  await page.goto(jobUrl);
  await expect(page.getByRole("combobox", { name: "Nom (obligatoire)", exact: true })).toHaveValue("NOM");
  await expect(page.getByRole("combobox", { name: "Date d'entrée (obligatoire)" })).toHaveValue(
    "Date entrée",
  );
  await page.getByRole("button", { name: "Lancer le contrôle" }).click();
  await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)')).toContainText(
    "Colonnes obligatoires sans correspondance : Code postal",
  );
  await page.getByRole("combobox", { name: "Code postal (obligatoire)" }).selectOption("CP");
  await page.getByRole("combobox", { name: "Téléphone" }).selectOption("Tél.");
  await page.getByRole("button", { name: "Lancer le contrôle" }).click();
  // The worker runs the check; the page follows its progress.
  await expect(page.getByTestId("run-progress")).toContainText("Contrôle");
  await expect(page.getByRole("heading", { name: "Rapport d'erreurs" })).toBeVisible({ timeout: 90_000 });
  await expect(
    page.getByText("60 lignes lues · 54 valides · 6 en erreur · 0 doublons").first(),
  ).toBeVisible();
  const errors = page.getByRole("table", { name: "Lignes en erreur (50 premières)" });
  await expect(errors.getByRole("row").nth(1)).toContainText("12");
  await expect(errors.getByRole("row").nth(1)).toContainText("Date d'entrée");
  await expect(errors.getByRole("row").nth(1)).toContainText("Date invalide (format attendu jj/mm/aaaa)");
  await expect(errors).toContainText("Code postal invalide (5 chiffres)");
  await expectAccessible(page);
  const report = await page.request.get(
    (await page.getByRole("link", { name: "Télécharger le rapport (CSV)" }).getAttribute("href"))!,
  );
  expect(await report.text()).toContain(
    "12;Date d'entrée;31/02/2021;Date invalide (format attendu jj/mm/aaaa)",
  );
  await signOut(page);

  // The agent fixes the file and sends it again.
  await signIn(page, "agent@saint-aubin.example");
  await page.goto(jobUrl);
  await expect(page.getByText("Date invalide (format attendu jj/mm/aaaa)").first()).toBeVisible();
  await upload(page, "locataires-corrige.csv", iconv.encode(tenantFile(60), "win1252"));
  await expect(page.getByRole("status")).toContainText("Fichier reçu : locataires-corrige.csv");
  await signOut(page);

  // Clean check, then the test load.
  await signIn(page, "tech@val-orlene.example");
  await page.goto(jobUrl);
  await expect(page.getByRole("combobox", { name: "Code postal (obligatoire)" })).toHaveValue("CP");
  await page.getByRole("button", { name: "Lancer le contrôle" }).click();
  await expect(page.getByText("Aucune erreur : toutes les lignes sont valides.")).toBeVisible({
    timeout: 90_000,
  });
  await page.getByRole("button", { name: "Charger en recette" }).click();
  await expect(page.getByTestId("staged-rows")).toHaveText("60 lignes chargées en recette", {
    timeout: 90_000,
  });
  await signOut(page);

  // The agent reads the summary and signs off; the PDF shows it.
  await signIn(page, "agent@saint-aubin.example");
  await page.goto(jobUrl);
  await expect(page.getByRole("table", { name: "Échantillon" })).toContainText("LOC-0000001");
  await page.getByRole("button", { name: "Valider la recette" }).click();
  await expect(page.getByText(/Recette validée par .+ le /)).toBeVisible();
  const pdf = await page.request.get(
    (await page.getByRole("link", { name: "Procès-verbal de recette (PDF)" }).getAttribute("href"))!,
  );
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mutuo-pv-")), "pv.pdf");
  fs.writeFileSync(file, await pdf.body());
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
  expect(text).toContain("Procès-verbal de recette");
  expect(text).toContain("Agent de l'organisme");
  expect(text).toContain("Lignes chargées en recette");
  await signOut(page);

  // The technician records the production load and closes the job.
  await signIn(page, "tech@val-orlene.example");
  await page.goto(jobUrl);
  await page.getByRole("button", { name: "Charger en production" }).click();
  await expect(page.getByTestId("load-summary")).toContainText("60 lignes", { timeout: 90_000 });
  const exported = await page.request.get(
    (await page.getByRole("link", { name: "Fichier d'import (CSV)" }).getAttribute("href"))!,
  );
  expect(iconv.decode(await exported.body(), "win1252")).toContain("reference;nom;prenom");
  await page.getByRole("button", { name: "Clôturer la reprise" }).click();
  await expect(page.getByText("Terminée", { exact: true }).first()).toBeVisible();
  const fileLink = await page.getByRole("link", { name: "locataires.csv" }).getAttribute("href");
  await signOut(page);

  // Another body's agent sees none of it.
  await signIn(page, "agent@bellerive.example");
  await page.goto("/reprises");
  await expect(page.getByRole("main")).not.toContainText(title);
  const other = await page.goto(jobUrl);
  expect(other?.status()).toBe(404);
  expect((await page.request.get(fileLink!)).status()).toBe(404);
  expect((await page.request.get(`${jobUrl.replace("/reprises/", "/api/reprises/")}/pv`)).status()).toBe(404);
});
