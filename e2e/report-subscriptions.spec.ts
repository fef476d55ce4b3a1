import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "./fixtures.ts";
import { signIn } from "./helpers.ts";

const BELLERIVE = "Commune de Bellerive-sur-Orlène";
const alert = '[role="alert"]:not(#__next-route-announcer__)';

test("a manager edits and pauses a scheduled report, and downloads a report the demo sent", async ({
  page,
  visit,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "manager@val-orlene.example");

  // The demo's built-in all-partners report was sent these last months: its page lists them.
  await expect(async () => {
    await page.goto("/rapports");
    await expect(page.getByRole("link", { name: "Rapport SLA mensuel, tous partenaires" })).toBeVisible({
      timeout: 2000,
    });
  }).toPass({ timeout: 60_000, intervals: [3000] });
  await page.getByRole("link", { name: "Rapport SLA mensuel, tous partenaires" }).click();
  await expect(page).toHaveURL(/\/rapports\/abonnements\/[0-9a-f-]{36}$/);
  await visit(page.url().replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    "Rapport SLA mensuel, tous partenaires",
  );
  const runs = page.getByRole("table", { name: "Rapports envoyés par ce rapport programmé" });
  await expect(runs.getByRole("row")).toHaveCount(4); // a header and the last three months
  await expect(runs).toContainText("manager@val-orlene.example");
  // A built-in report keeps its scope: shown, not editable.
  await expect(page.getByText("Rapport par défaut")).toBeVisible();
  await expect(page.getByLabel("Les responsables")).toHaveCount(0);
  const link = runs.getByRole("link", { name: /Télécharger rapport-sla-/ }).first();
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const text = execFileSync("pdftotext", ["-layout", "-", "-"], {
    input: fs.readFileSync((await file.path())!),
  }).toString();
  expect(text).toContain("Rapport SLA");
  expect(text).toContain("Tous les partenaires");

  // A manager's own scheduled report for a mayor's office.
  await visit("/rapports/abonnements");
  await page.getByLabel("Nom du rapport programmé").fill("Cabinet du maire de Bellerive");
  await page.getByLabel("Organisme concerné").selectOption({ label: BELLERIVE });
  await page.getByLabel("Autres adresses").fill("cabinet@bellerive.example");
  await page.getByRole("button", { name: "Programmer" }).click();
  await expect(page).toHaveURL(/\/rapports$/);
  await page.getByRole("link", { name: "Cabinet du maire de Bellerive" }).click();
  await expect(page).toHaveURL(/\/rapports\/abonnements\/[0-9a-f-]{36}$/);
  const own = page.url();
  await page.goto(own);
  await expect(page.getByTestId("subscription-status")).toHaveText(/^Actif/);
  await expect(page.getByText("Aucun rapport envoyé pour l'instant.")).toBeVisible();

  // No recipient left: a French error naming the field, and what was typed stays.
  await page.getByLabel("Nom du rapport programmé").fill("Cabinet du maire, chaque trimestre");
  await page.getByLabel("Fréquence").selectOption({ label: "Chaque trimestre" });
  await page.getByLabel("Autres adresses").fill("");
  const save = () =>
    Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url() === own),
      page.getByRole("button", { name: "Enregistrer" }).click(),
    ]);
  await save();
  await expect(page.locator(alert)).toContainText("« Destinataires » : choisissez au moins un destinataire");
  await expect(page.getByLabel("Nom du rapport programmé")).toHaveValue("Cabinet du maire, chaque trimestre");
  await expect(page.getByLabel("Fréquence")).toHaveValue("quarterly");
  await expect(page.getByLabel("Organisme concerné")).toHaveValue(/[0-9a-f-]{36}/);

  // Recipients changed: the body's agents and two addresses.
  await page.getByLabel("Les agents de l'organisme").selectOption({ label: BELLERIVE });
  await page.getByLabel("Autres adresses").fill("cabinet@bellerive.example, DGS@bellerive.example");
  await save();
  await expect(page.getByRole("status")).toHaveText("Rapport programmé enregistré.");
  await page.goto(own);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cabinet du maire, chaque trimestre");
  await expect(page.getByLabel("Fréquence")).toHaveValue("quarterly");
  await expect(page.getByLabel("Autres adresses")).toHaveValue(
    "cabinet@bellerive.example, dgs@bellerive.example",
  );

  // Paused: the worker sends nothing until it is resumed.
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url() === own),
    page.getByRole("button", { name: "Suspendre les envois" }).click(),
  ]);
  await expect(page.getByTestId("subscription-status")).toHaveText(/^Suspendu depuis le /);
  await expect(page.getByRole("button", { name: "Reprendre les envois" })).toBeVisible();
  await visit("/rapports");
  await expect(page.getByRole("row", { name: /Cabinet du maire, chaque trimestre/ })).toContainText(
    "Chaque trimestre (Suspendu)",
  );
});
