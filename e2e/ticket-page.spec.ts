// The technician's ticket page: take a ticket in one click, answer with a canned reply and wait on
// the partner until a date in the same action; the partner is told by e-mail and reads « en attente
// de votre réponse »; at the date the technician is reminded; a second technician opening the
// ticket sees that the first is replying.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures.ts";
import { runJobs, setClock, signIn, signInAsAdmin, signOut } from "./helpers.ts";

const admin: { secret?: string } = {};
const H = 3600_000;
const local = (d: Date) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(d)
    .replace(" ", "T");
const paris = (d: Date) =>
  new Intl.DateTimeFormat("fr-FR", {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Paris",
  }).format(d);

test.afterEach(() => setClock(null));

/** Screenshots at 1366×900 and on a 390 px phone (kept under e2e/screenshots/, git-ignored); the
 * page's sideways overflow at each size is noted on the test. */
async function shoot(page: Page, name: string) {
  const dir = path.resolve(import.meta.dirname, "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    const overflow = Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"));
    test.info().annotations.push({ type: "overflow", description: `${name} at ${width}px: ${overflow}px` });
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a technician takes a ticket in one click, answers with a canned reply and waits on the partner until a date; the partner is told, the reminder comes at the date, and a second technician sees who is replying", async ({
  page,
  browser,
}) => {
  test.setTimeout(480_000);
  const t0 = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  setClock(t0);

  // The partner reports a fault.
  await signIn(page, "agent@bellerive.example");
  await page.goto("/demandes/nouvelle");
  await page.getByRole("combobox", { name: "Service concerné" }).selectOption({ label: "SIG-M@" });
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill("Couche du cadastre vide");
  await page
    .getByRole("textbox", { name: "Description", exact: true })
    .fill("La couche du cadastre ne montre plus aucune parcelle depuis ce matin.");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Couche du cadastre vide" })).toBeVisible();
  const ticketUrl = page.url().split("?")[0]!; // without the confirmation banner's parameter
  const number = (await page
    .getByText(/SOS-\d{4}-\d{6}/)
    .first()
    .textContent())!.match(/SOS-\d{4}-\d{6}/)![0];
  await signOut(page);

  // The technician keeps a canned reply of their own, with placeholders.
  await signIn(page, "tech@val-orlene.example");
  await page.goto("/tickets/reponses-types");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Intitulé" }).fill("Demande de capture");
  await page
    .getByRole("textbox", { name: "Texte" })
    .fill(
      "Bonjour {declarant}, pour traiter {numero}, pouvez-vous nous envoyer une capture d'écran ? {technicien}",
    );
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("row", { name: /Demande de capture/ })).toContainText("Personnelle");

  // Finds it by the number the caller reads out (« 2026, 12 »), from the header's search box.
  const [, year, seq] = /^SOS-(\d{4})-(\d{6})$/.exec(number)!;
  await page.locator("body").press("/");
  const box = page.getByRole("searchbox", { name: /Recherche globale/ });
  await expect(box).toBeFocused();
  await box.fill(`${year} ${Number(seq)}`);
  await box.press("Enter");
  await expect(page).toHaveURL(ticketUrl);

  // Takes the ticket in one click.
  await expect(page).toHaveTitle(new RegExp(`^${number} · Couche du cadastre vide`));
  await page.getByRole("button", { name: "Me l'attribuer" }).click();
  await expect(page.getByText("Attribué à Nadia Belkacem")).toBeVisible();
  await expect(page.getByRole("button", { name: "Me l'attribuer" })).toHaveCount(0);
  await expectAccessible(page);

  // Inserts the canned reply: placeholders filled from the ticket.
  await page.getByRole("button", { name: "Réponses types" }).click();
  await page.getByRole("searchbox", { name: "Chercher une réponse type" }).fill("capture");
  await page.getByRole("button", { name: /Demande de capture/ }).click();
  const message = page.getByRole("textbox", { name: "Message", exact: true });
  await expect(message).toHaveValue(
    `Bonjour Marc Delorme, pour traiter ${number}, pouvez-vous nous envoyer une capture d'écran ? Nadia Belkacem`,
  );

  // A second technician opening the ticket sees that the first is replying.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signIn(page2, "tech2@val-orlene.example");
  await page2.goto(ticketUrl);
  await expect(page2.getByTestId("presence")).toContainText("Nadia Belkacem répond…", { timeout: 15_000 });
  await expectAccessible(page2);
  // And the first sees the second viewing.
  await expect(page.getByTestId("presence")).toContainText(/consulte ce ticket/, { timeout: 15_000 });

  // Sends and waits on the partner until a date, in one action.
  const until = new Date(t0.getTime() + 2 * 24 * H);
  await page.getByLabel("En attente jusqu'au").fill(local(until));
  await page.getByRole("button", { name: "Envoyer et mettre en attente du partenaire" }).click();
  await expect(page.getByTestId("due-promise")).toHaveText(
    `En attente du partenaire jusqu'au ${paris(until)} : le délai est suspendu`,
  );
  await expect(page.getByText("Statut : Attribué → En attente du partenaire")).toBeVisible();
  await expect(message).toHaveValue("");
  await shoot(page, "ticket-technician");
  await other.close();
  await signOut(page);

  // The partner reads « en attente de votre réponse ».
  await signIn(page, "agent@bellerive.example");
  await page.goto(ticketUrl);
  await expect(page.getByTestId("due-promise")).toHaveText(
    `En attente de votre réponse, si possible avant le ${paris(until)} : le délai est suspendu`,
  );
  await expect(page.getByText("Statut : Attribué → En attente de votre réponse")).toBeVisible();
  await expect(page.getByText("Nadia Belkacem répond")).toHaveCount(0);
  await expectAccessible(page);
  await shoot(page, "ticket-partner");
  await signOut(page);

  // The partner got an e-mail that says so (the built-in mailbox).
  await signInAsAdmin(page, admin);
  await page.goto("/admin/courriels");
  const waiting = page.getByRole("link", {
    name: new RegExp(`\\[${number}\\] Nous attendons votre réponse : Couche du cadastre vide`),
  });
  await expect(async () => {
    await page.reload();
    await expect(waiting).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await waiting.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    `[${number}] Nous attendons votre réponse : Couche du cadastre vide`,
  );
  await expect(page.getByText("agent@bellerive.example").first()).toBeVisible();
  await expect(page.getByText(/pouvez-vous nous envoyer une capture d'écran/)).toBeVisible();
  await expect(
    page.getByText(new RegExp(`si possible avant le ${paris(until)} \\(heure de Paris\\)`)),
  ).toBeVisible();
  await page.goBack();

  // The clock reaches the date: the worker's job reminds the technician (and, as configured for
  // this run, sends the partner a reminder), exactly once.
  setClock(new Date(until.getTime() + 60_000));
  await runJobs("tickets.waiting");
  const due = page.getByRole("link", { name: new RegExp(`\\[${number}\\] Date d'attente atteinte`) });
  await expect(async () => {
    await page.reload();
    await expect(due).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000, intervals: [1000] });
  await expect(page.getByRole("link", { name: new RegExp(`\\[${number}\\] Relance`) })).toHaveCount(1);
  await due.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`[${number}] Date d'attente atteinte`);
  await expect(page.getByText("tech@val-orlene.example").first()).toBeVisible();
  await expect(page.getByText(/n'a pas répondu à « Couche du cadastre vide »/)).toBeVisible();
  await expectAccessible(page);
});
