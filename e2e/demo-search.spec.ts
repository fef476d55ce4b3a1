// The demo at first start shows months of history, and people find a ticket by its number.
import { expect, expectAccessible, test } from "./fixtures.ts";
import { signIn, signInAsAdmin, signOut } from "./helpers.ts";

const admin: { secret?: string } = {};
const ticketLinks = (page: import("@playwright/test").Page) => page.locator("main a[data-ticket-link]");

test("at first start the queue shows the demo history, a page of open tickets and months of closed ones", async ({
  page,
}) => {
  await signIn(page, "tech@val-orlene.example");
  await page.goto("/tickets");
  await expect(ticketLinks(page).nth(14)).toBeVisible();
  await expectAccessible(page);
  await page.goto("/tickets?status=closed");
  await expect(ticketLinks(page).nth(40)).toBeAttached();
});

test("at first start a partner's « Mes demandes » shows their body's history", async ({ page }) => {
  await signIn(page, "agent@bellerive.example");
  // « Toutes »: how many are open today depends on the day the history ends.
  await page.goto("/demandes?etat=toutes");
  await expect(ticketLinks(page).nth(9)).toBeVisible();
  await expectAccessible(page);
});

test("at first start the mailbox and the journal show the demo history", async ({ page }) => {
  await signInAsAdmin(page, admin);
  await page.goto("/admin/courriels");
  const sent = page.getByRole("link", { name: /^Envoyés \(\d+\)$/ });
  expect(Number((await sent.textContent())!.match(/\((\d+)\)/)![1])).toBeGreaterThan(1000);
  await expect(page.getByRole("link", { name: /^En échec \([1-9]\d*\)$/ })).toBeVisible();
  await expect(page.getByRole("main").getByRole("row").nth(20)).toBeVisible();
  await expectAccessible(page);
  await page.goto("/admin/journal");
  await expect(page.getByRole("main").getByRole("row").nth(20)).toBeVisible();
  await expect(
    page
      .getByRole("main")
      .getByRole("row", { name: /Ticket .* création/ })
      .first(),
  ).toBeVisible();
});

test("a technician types the number a caller reads out and lands on the ticket", async ({ page }) => {
  test.setTimeout(150_000); // eight pages; over a minute on a loaded machine
  await signIn(page, "tech@val-orlene.example");
  await page.goto("/tickets");
  const number = (await ticketLinks(page).first().textContent())!.trim();
  const [, year, seq] = /^SOS-(\d{4})-(\d{6})$/.exec(number)!;

  // The header's box, focused with "/" from anywhere but a field; the short form is enough.
  await page.goto("/organismes");
  await page.locator("body").press("/");
  const box = page.getByRole("searchbox", { name: /Recherche globale/ });
  await expect(box).toBeFocused();
  await box.fill(`${year}-${Number(seq)}`);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("main")).toContainText(number);

  // The queue's own search takes the number as printed, too.
  await page.goto(`/tickets?q=${encodeURIComponent(number.toLowerCase())}`);
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("main")).toContainText(number);

  // Words give results grouped by kind.
  await page.goto("/");
  await page.getByRole("searchbox", { name: /Recherche globale/ }).fill("Bellerive");
  await page.getByRole("searchbox", { name: /Recherche globale/ }).press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bellerive");
  for (const group of ["Tickets", "Organismes", "Conventions"])
    await expect(page.getByRole("heading", { level: 2, name: group })).toBeVisible();
  await expect(page.getByRole("link", { name: "Commune de Bellerive-sur-Orlène" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Voir plus de résultats" }).first().click();
  await expect(page).toHaveURL(/kind=tickets/);
  await expect(page.getByRole("main").getByRole("listitem").nth(20)).toBeVisible();
});

test("a partner finds their own ticket by number, and never another body's", async ({ page }) => {
  await signIn(page, "tech@val-orlene.example");
  await page.goto("/tickets?q=Saint-Aubin");
  const foreign = (await ticketLinks(page).first().textContent())!.trim();
  await signOut(page);

  await signIn(page, "agent@bellerive.example");
  await page.goto("/demandes");
  const own = (await ticketLinks(page).first().textContent())!.trim();
  await expect(page.getByRole("searchbox", { name: /Recherche globale/ })).toHaveCount(0);
  await page.getByRole("searchbox").fill(own);
  await page.getByRole("searchbox").press("Enter");
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("main")).toContainText(own);

  await page.goto(`/demandes?q=${encodeURIComponent(foreign)}`);
  await expect(page).toHaveURL(/\/demandes\?q=/);
  await expect(ticketLinks(page).filter({ hasText: foreign })).toHaveCount(0);
});
