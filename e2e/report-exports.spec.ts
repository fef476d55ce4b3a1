import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, expectAccessible, test } from "./fixtures.ts";
import { mailFromOutbox, signIn } from "./helpers.ts";

test("a manager prepares the SLA report in the background, follows it, downloads it and gets the e-mail", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, "manager@val-orlene.example");
  // Last quarter's SLA report, once the worker's first rollup of the demo tickets is there.
  const tickets = page.locator('[data-kpi="tickets"] dd').first();
  await expect(async () => {
    await page.goto("/rapports/sla");
    expect(Number(await tickets.textContent())).toBeGreaterThan(0);
  }).toPass({ timeout: 120_000, intervals: [3000] });
  const count = Number(await tickets.textContent());

  // A small period: the direct downloads as before, and the background export always offered.
  await expect(page.getByRole("link", { name: "Exporter en CSV" })).toBeVisible();
  const background = page.getByRole("region", { name: "Préparer en arrière-plan" });
  await expect(background).toBeVisible();
  await background.getByLabel("Format du fichier").selectOption({ label: "Excel (XLSX)" });
  await background.getByRole("button", { name: "Préparer en arrière-plan" }).click();
  await page.waitForURL(/\/rapports\/exports/);
  await expect(page.getByRole("heading", { level: 1, name: "Mes exports" })).toBeVisible();

  // Its status (and its progress while it is prepared), then the file once the worker is done.
  const row = page
    .getByRole("row")
    .filter({ hasText: /Rapport SLA — T\d \d{4}/ })
    .first();
  const status = row.getByTestId("export-status");
  await expect(status).toHaveText(/En file d.attente|En préparation|Prêt/);
  if (!/Prêt/.test((await status.textContent()) ?? ""))
    await expect(row.getByRole("progressbar", { name: /Avancement de l.export/ })).toBeVisible();
  await expectAccessible(page);
  await expect(status).toHaveText("Prêt", { timeout: 90_000 });
  await expectAccessible(page);
  const exportId = (await row.getAttribute("id"))!.replace(/^export-/, "");

  const [file] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("link", { name: /^Télécharger rapport-sla-.+\.xlsx$/ }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await file.path())!) as never);
  const months = wb.getWorksheet("Par mois")!;
  expect((months.getRow(months.rowCount).values as unknown[]).slice(1, 3)).toEqual(["Total", count]);
  const breaches = wb.getWorksheet("Dépassements (détail)")!;
  expect(breaches.getRow(1).getCell(1).value).toBe("Ticket");
  for (let r = 2; r <= breaches.rowCount; r++)
    expect(String(breaches.getRow(r).getCell(1).value)).toMatch(/^SOS-\d{4}-\d+$/);

  // The e-mail with the link, once.
  const mail = await mailFromOutbox((m) =>
    Boolean(m.subject?.startsWith("Votre export est prêt : Rapport SLA") && m.text?.includes(exportId)),
  );
  expect(mail.text).toContain(`/rapports/exports#export-${exportId}`);
});
