import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { simpleParser, type ParsedMail } from "mailparser";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures.ts";
import { runJobs, setClock, signIn, signOut } from "./helpers.ts";

const outbox = path.resolve(import.meta.dirname, "..", ".mutuo", "e2e", "outbox");
const BELLERIVE = "Commune de Bellerive-sur-Orlène";

/** The figure of a headline card (« Tickets reçus » …), as shown. */
const kpi = (page: Page, id: string) => page.locator(`[data-kpi="${id}"] dd`).first();

/** Opens the SLA report, waiting for the worker's first rollup of the demo tickets. */
async function openSla(page: Page, query = "") {
  await expect(async () => {
    await page.goto(`/rapports/sla${query}`);
    expect(Number(await kpi(page, "tickets").textContent())).toBeGreaterThan(0);
  }).toPass({ timeout: 120_000, intervals: [3000] });
}

async function download(page: Page, link: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: link }).click(),
  ]);
  return fs.readFileSync((await file.path())!);
}

// Unverified since the accessibility fixes of the report page (charts' inner ARIA, scrolling box,
// duplicate regions): the last run failed on those; run once and drop `.fixme`.
test("a manager reviews last quarter's SLA for one commune, its breaches, and exports it", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, "manager@val-orlene.example");
  await page.getByRole("link", { name: "Rapports" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Rapports" })).toBeVisible();
  await page.getByRole("link", { name: "Rapport SLA", exact: true }).click();
  await openSla(page);
  // Last quarter by default, compared with the one before.
  await expect(page.getByRole("combobox", { name: "Période" })).toHaveValue("quarter");
  await expect(page.getByText(/^T\d \d{4} · comparé à T\d \d{4}$/)).toBeVisible();
  await page.getByRole("combobox", { name: "Organisme" }).selectOption({ label: BELLERIVE });
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("region", { name: "Par organisme" }).getByRole("row")).toHaveCount(3); // head, body, total
  await expect(page.locator('[data-kpi="iRate"]')).toContainText("Cible : 95 %");
  await expect(page.locator('[data-kpi="iRate"]')).toContainText(/\d+(,\d)? %|—/);
  await expect(page.getByRole("img", { name: /Objectifs respectés par mois/ })).toBeVisible();
  await page.getByText("Voir les données").first().click();
  await expect(page.getByRole("region", { name: "Objectifs respectés par mois" })).toBeVisible();
  await page.getByText("Comment c'est calculé").click();
  await expect(page.getByText(/compte dans le mois de sa réception/)).toBeVisible();
  await expectAccessible(page);
  const tickets = Number(await kpi(page, "tickets").textContent());

  // The exports say the same.
  const csv = (await download(page, "Exporter en CSV")).toString("utf8");
  expect(csv).toContain(`Tickets reçus;${tickets};`);
  expect(csv).toContain(`Organisme;${BELLERIVE}`);
  const totalRow = csv.split("\r\n").find((l) => l.startsWith("Total;"))!;
  expect(totalRow.split(";")[1]).toBe(String(tickets));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await download(page, "Exporter en Excel (XLSX)")) as never);
  const months = wb.getWorksheet("Par mois")!;
  expect((months.getRow(months.rowCount).values as unknown[]).slice(1, 3)).toEqual(["Total", tickets]);
  const pdf = execFileSync("pdftotext", ["-layout", "-", "-"], {
    input: await download(page, "Exporter en PDF"),
  }).toString();
  expect(pdf).toContain("Rapport SLA");
  expect(pdf).toContain(BELLERIVE);
  expect(pdf).toContain("Objectifs respectés par mois"); // the chart
  expect(pdf).toContain("Objectifs respectés (%)"); // its axis, drawn in the PDF
  expect(pdf).toMatch(new RegExp(`Total\\s+${tickets}\\s`)); // the table
  expect(pdf).toMatch(new RegExp(`Tickets reçus\\s+${tickets}\\s`));

  // The breaches behind the figures, and one ticket.
  await page.getByRole("link", { name: "Liste des dépassements" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Liste des dépassements" })).toBeVisible();
  await expectAccessible(page);
  const first = page.getByRole("region", { name: "Liste des dépassements" }).getByRole("link").first();
  if (await first.count()) {
    const number = (await first.textContent())!;
    await first.click();
    await expect(page.getByText(number).first()).toBeVisible();
  } else {
    await expect(page.getByText("Aucun dépassement sur cette période.")).toBeVisible();
  }
});

test("the commune's agent sees their body's SLA report only, and bad input is told in French", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "agent@bellerive.example");
  await page.getByRole("link", { name: "Rapports" }).first().click();
  await page.getByRole("link", { name: "Rapport SLA", exact: true }).click();
  await openSla(page);
  const bodies = page.getByRole("region", { name: "Par organisme" });
  await expect(bodies.getByRole("row")).toHaveCount(3);
  await expect(bodies).toContainText(BELLERIVE);
  const options = await page.getByRole("combobox", { name: "Organisme" }).locator("option").allTextContents();
  expect(options).toEqual(["Tous", BELLERIVE]);
  await expect(page.getByRole("combobox", { name: "Technicien" })).toHaveCount(0);
  await expectAccessible(page);

  // Another body: as if it did not exist.
  await page.goto("/rapports/sla?periode=quarter&body=00000000-0000-4000-8000-000000000001");
  await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)')).toHaveText(
    "Organisme inconnu : choisissez un organisme de la liste.",
  );
  // A period ending before it starts.
  await page.goto("/rapports/sla");
  await page.getByRole("combobox", { name: "Période" }).selectOption({ label: "Période libre" });
  await page.getByLabel("Du mois (période libre)").fill("2026-06");
  await page.getByLabel("Au mois (période libre)").fill("2026-03");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByText(/La période se termine avant de commencer/)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // A subscription without recipients.
  await signIn(page, "manager@val-orlene.example");
  await page.goto("/rapports/abonnements");
  await page.getByLabel("Nom du rapport programmé").fill("Sans destinataire");
  await page.getByRole("button", { name: "Programmer" }).click();
  await expect(page.getByText(/choisissez au moins un destinataire/i).first()).toBeVisible();
  await expect(page.getByLabel("Nom du rapport programmé")).toHaveValue("Sans destinataire");
  await expectAccessible(page);
});

async function reportMails(): Promise<ParsedMail[]> {
  const files = fs.existsSync(outbox) ? fs.readdirSync(outbox) : [];
  const mails = await Promise.all(
    files.map(async (f) => simpleParser(fs.readFileSync(path.join(outbox, f)))),
  );
  return mails.filter((m) => m.subject?.startsWith("Rapport SLA — "));
}

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0]! : m.to!).value[0]!.address;

test("on the 1st of the month each partner body's agents get its SLA report once, PDF attached", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const now = new Date();
  // The 1st of next month, 07:00 in Paris.
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 6, 0));
  const month = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 15)),
  );
  const agents: Record<string, number> = {
    "agent@bellerive.example": 1,
    "agent@villeneuve.example": 1,
    "agent@saint-aubin.example": 2, // two bodies: two reports, one each
    "agent@montclair.example": 2,
  };
  setClock(first);
  try {
    // The worker's jobs, as its cron runs them every minute.
    await runJobs("reports.refresh-rollup", "reports.send-scheduled");
    await expect
      .poll(
        async () => {
          const mails = (await reportMails()).filter((m) => m.subject === `Rapport SLA — ${month}`);
          return Object.keys(agents).map((a) => mails.filter((m) => to(m) === a).length);
        },
        { timeout: 60_000, intervals: [1000] },
      )
      .toEqual(Object.values(agents));
    const mine = (await reportMails()).find((m) => to(m) === "agent@bellerive.example")!;
    expect(mine.attachments[0]).toMatchObject({ contentType: "application/pdf" });
    const text = execFileSync("pdftotext", ["-", "-"], { input: mine.attachments[0]!.content }).toString();
    expect(text).toContain(BELLERIVE);
    expect(text).not.toContain("Commune de Villeneuve");
    expect(mine.text).toContain("Interventions dans les délais");

    // The job runs again (as it does every minute): nothing is sent twice. The outbox delivers
    // within two of its 2-second rounds; wait three.
    await runJobs("reports.send-scheduled");
    await page.waitForTimeout(6000);
    const again = (await reportMails()).filter((m) => m.subject === `Rapport SLA — ${month}`);
    expect(Object.keys(agents).map((a) => again.filter((m) => to(m) === a).length)).toEqual(
      Object.values(agents),
    );
    expect(again.filter((m) => to(m) === "manager@val-orlene.example")).toHaveLength(1);
  } finally {
    setClock(null);
  }

  // The agent downloads it again from the reports page.
  await signIn(page, "agent@bellerive.example");
  await page.goto("/rapports");
  // This month's, and the three before that the demo's history already holds.
  await expect(page.getByRole("link", { name: /Télécharger rapport-sla-/ })).toHaveCount(4);
  await expectAccessible(page);
});

test("the training, equipment and billing dashboards show the demo's activity with charts and tables", async ({
  page,
  visit,
}) => {
  test.setTimeout(180_000);
  const year = new Date().getFullYear();
  const rows = (name: string) => page.getByRole("region", { name, exact: true }).getByRole("row");
  await signIn(page, "manager@val-orlene.example");
  await visit("/rapports");
  await expect(page.getByRole("link", { name: "Rapport formation", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Rapport matériel", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Rapport facturation", exact: true })).toBeVisible();

  await visit(`/rapports/training?periode=year&mois=${year}-01`);
  expect(Number(await kpi(page, "held").textContent())).toBeGreaterThan(0);
  await expect(page.getByRole("img", { name: /Sessions par mois/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Satisfaction par cours/ })).toBeVisible();
  expect(await rows("Satisfaction par cours").count()).toBeGreaterThan(1);
  expect(await rows("Jours de formation consommés").count()).toBeGreaterThan(1);

  await visit("/rapports/equipment");
  expect(Number(await kpi(page, "assets").textContent())).toBeGreaterThan(50);
  await expect(page.getByRole("img", { name: /Matériel par statut/ })).toBeVisible();
  expect(await rows("Matériel par type et statut").count()).toBeGreaterThan(3);
  await expect(page.getByRole("region", { name: "Prêts en cours par organisme", exact: true })).toContainText(
    "(CEPM)",
  );

  await visit(`/rapports/billing?periode=year&mois=${year - 1}-01`);
  await expect(kpi(page, "due")).toContainText("€");
  await expect(page.getByRole("img", { name: /Dû et payé par organisme/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Par organisme (en euros)" })).toContainText(
    "Commune de Saint-Aubin-des-Vignes",
  );
  await signOut(page);

  // An agent gets the equipment of their own body, and no billing report.
  await signIn(page, "agent@saint-aubin.example");
  await visit("/rapports");
  await expect(page.getByRole("link", { name: "Rapport matériel" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Rapport facturation" })).toHaveCount(0);
  expect((await page.goto("/rapports/billing"))?.status()).toBe(404);
  await visit("/rapports/equipment");
  await expect(
    page.getByRole("region", { name: "Prêts en cours par organisme", exact: true }),
  ).not.toContainText("(CEPM)");
});
