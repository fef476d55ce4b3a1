/// <reference lib="dom" />
// What a new user meets first: legible buttons (contrast gate), the partner's home and tabs, the
// confirmation after sending a request, a destructive action behind a dialog, page titles, and
// every page usable on a 390 px phone without sideways scrolling (WCAG 1.4.10 reflow).
import type { Page } from "@playwright/test";
import { contrastFailures } from "./contrast.ts";
import { expect, expectAccessible, test } from "./fixtures.ts";
import { signIn, signInAsAdmin, signOut } from "./helpers.ts";

test.describe.configure({ mode: "serial" });
const admin: { secret?: string } = {};

test("the contrast gate fails text as blue as its button, and text over a gradient", async ({ browser }) => {
  // A page of its own: this one is meant to fail, so the automatic axe check must not see it.
  const page = await browser.newPage();
  await page.setContent(`<main>
    <a href="#a" style="background:#184c88;color:#184c88;padding:8px">Invisible</a>
    <button style="background:linear-gradient(#ffffff,#184c88);color:#ffffff;padding:8px">Dégradé</button>
    <button style="background:#184c88;color:#ffffff;padding:8px">Lisible</button>
    <a href="#b" style="color:#184c88">Lien lisible</a>
    <span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)"><a href="#c" style="color:#fff">sr</a></span>
  </main>`);
  const failures = await contrastFailures(page);
  expect(failures.map((f) => [f.text, f.ratio < 1.5 ? "≈1:1" : "low"])).toEqual([
    ["Invisible", "≈1:1"],
    ["Dégradé", "≈1:1"],
  ]);
  await page.close();
});

test("the primary buttons a new user meets are legible (white on blue)", async ({ page, visit }) => {
  await visit("/");
  const signInLink = page.getByRole("main").getByRole("link", { name: "Se connecter" });
  await expect(signInLink).toHaveCSS("color", "rgb(255, 255, 255)");
  await expect(page).toHaveTitle("Accueil — Mutuo");
  await signIn(page, "agent@bellerive.example");
  await page.goto("/demandes");
  await expect(page).toHaveTitle("Mes demandes — Mutuo");
  await expect(page.getByRole("link", { name: "Signaler un incident ou faire une demande" })).toHaveCSS(
    "color",
    "rgb(255, 255, 255)",
  );
  await expectAccessible(page);
});

test("a partner reports a problem from their home, is told it was sent, and cancels it only after confirming", async ({
  page,
}) => {
  await signIn(page, "agent@bellerive.example");
  // The home is about their requests, not the provider's statistics.
  await expect(page.getByRole("heading", { level: 1, name: "Bonjour Marc Delorme" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Vos demandes en cours/ })).toBeVisible();
  await expect(page.getByText("Organismes partenaires actifs")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("main").getByRole("link", { name: "Signaler un incident", exact: true }).click();
  await page.getByRole("combobox", { name: "Service concerné" }).selectOption({ label: "SIG-M@" });
  await page
    .getByRole("textbox", { name: "Objet", exact: true })
    .fill("Imprimante du secrétariat hors ligne");
  await page
    .getByRole("textbox", { name: "Description", exact: true })
    .fill("L'imprimante du secrétariat n'apparaît plus sur le réseau depuis ce matin.");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();

  // A confirmation names the request; the page has its own title.
  const banner = page.getByTestId("submitted-banner");
  await expect(banner).toContainText(/Votre demande SOS-\d{4}-\d{6} est envoyée/);
  const number = /SOS-\d{4}-\d{6}/.exec((await banner.textContent())!)![0];
  await expect(page).toHaveTitle(`${number} · Imprimante du secrétariat hors ligne — Mutuo`);
  await expectAccessible(page);
  await banner.getByRole("button", { name: "Masquer ce message" }).click();
  await expect(banner).toHaveCount(0);

  // The home lists open requests by promised deadline, the most pressing first (the demo body has
  // many): each with its deadline. The new one is in « Mes demandes », newest first.
  await page.goto("/");
  await expect(page.getByRole("main").getByRole("listitem").first()).toContainText(
    /prévue avant|Pas de délai/,
  );
  await page.goto("/demandes");
  const row = page.getByRole("row").filter({ hasText: number });
  await expect(row).toContainText("Imprimante du secrétariat hors ligne");
  await row.getByRole("link", { name: number }).click();

  // Cancelling asks first: the dialog names the consequence; the focus is not on the red button.
  await page.getByRole("button", { name: "Annuler la demande" }).click();
  const dialog = page.getByRole("dialog", { name: "Annuler cette demande ?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("ne pourra pas être rouverte");
  await expect(dialog.getByRole("textbox", { name: "Motif (facultatif)" })).toBeFocused();
  await expect(dialog.getByRole("button", { name: "Oui, annuler la demande" })).not.toBeFocused();
  await expectAccessible(page);
  // Escape keeps the request.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Annuler la demande" })).toBeFocused();
  await page.reload();
  await expect(page.getByRole("button", { name: "Annuler la demande" })).toBeVisible();
  // « Non, garder la demande » keeps it too; then confirming cancels it.
  await page.getByRole("button", { name: "Annuler la demande" }).click();
  await dialog.getByRole("button", { name: "Non, garder la demande" }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole("button", { name: "Annuler la demande" }).click();
  await dialog
    .getByRole("textbox", { name: "Motif (facultatif)" })
    .fill("Doublon : l'imprimante est revenue.");
  await dialog.getByRole("button", { name: "Oui, annuler la demande" }).click();
  await expect(page.getByRole("button", { name: "Annuler la demande" })).toHaveCount(0);
  await expect(page.getByText("Doublon : l'imprimante est revenue.")).toBeVisible();

  // Tabs in « Mes demandes »: no longer open, listed under « Toutes ».
  await page.goto("/demandes");
  const tabs = page.getByRole("navigation", { name: "Filtrer mes demandes" });
  await expect(tabs.getByRole("link", { name: "En cours" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: number })).toHaveCount(0);
  await tabs.getByRole("link", { name: "Toutes" }).click();
  await expect(page.getByRole("link", { name: number })).toBeVisible();
  await expectAccessible(page);
  await tabs.getByRole("link", { name: "Résolues" }).click();
  await expect(page.getByRole("link", { name: number })).toHaveCount(0);
  await signOut(page);
});

/** Links of the page to detail pages matching `pattern` (the first `n`). */
async function detailLinks(page: Page, pattern: RegExp, n = 1): Promise<string[]> {
  const hrefs = await page
    .getByRole("main")
    .locator("a[href]")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => pattern.test(h)))].slice(0, n);
}

const uuid = "[0-9a-f-]{36}";

/** Problems found on the pages visited, reported together at the end (one run shows them all). */
const problems: string[] = [];

async function expectNoSidewaysScroll(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `GET ${path}`).toBeLessThan(400);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth)
    problems.push(`${path} scrolls sideways at 390 px (${scrollWidth} > ${clientWidth})`);
  await expectAccessible(page).catch((e: Error) => problems.push(`${path}: ${e.message.slice(0, 500)}`));
}

/** Every page of a role, list pages first, then one detail page found on each list. */
async function visitAll(page: Page, lists: string[], details: [string, RegExp][]): Promise<void> {
  for (const path of lists) await expectNoSidewaysScroll(page, path);
  for (const [list, pattern] of details) {
    await page.goto(list);
    for (const href of await detailLinks(page, pattern)) await expectNoSidewaysScroll(page, href);
  }
}

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the menu opens in a dialog, works with the keyboard, and closes with Escape", async ({ page }) => {
    await signIn(page, "tech@val-orlene.example");
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toBeVisible();
    await expect(page.getByRole("navigation").first().getByRole("link", { name: "Organismes" })).toBeHidden();
    await menu.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Navigation principale" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("heading", { name: "Référentiel" })).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(menu).toBeFocused();
    await menu.click();
    await dialog.getByRole("link", { name: "Organismes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Organismes" })).toBeVisible();
    await expect(dialog).toHaveCount(0);
  });

  test("no page scrolls sideways, signed out or as any role", async ({ page }) => {
    test.setTimeout(300_000);
    const shared = ["/", "/organismes", "/catalogue", "/conventions", "/compte", "/etat"];
    const sharedDetails: [string, RegExp][] = [
      ["/organismes", new RegExp(`^/organismes/${uuid}$`)],
      ["/catalogue", new RegExp(`^/catalogue/${uuid}$`)],
      ["/conventions", new RegExp(`^/conventions/${uuid}$`)],
    ];

    await visitAll(page, ["/", "/catalogue", "/etat", "/connexion", "/mot-de-passe-oublie"], []);

    await signIn(page, "agent@bellerive.example");
    await visitAll(
      page,
      [...shared, "/demandes", "/demandes?etat=toutes", "/demandes/nouvelle"],
      [...sharedDetails, ["/demandes?etat=toutes", new RegExp(`^/tickets/${uuid}`)]],
    );
    await signOut(page);

    await signIn(page, "tech@val-orlene.example");
    await visitAll(
      page,
      [...shared, "/tickets", "/tickets/nouveau", "/courriels-entrants"],
      [...sharedDetails, ["/tickets", new RegExp(`^/tickets/${uuid}$`)]],
    );
    await signOut(page);

    await signIn(page, "manager@val-orlene.example");
    await visitAll(
      page,
      [
        "/calendriers",
        "/calendriers/nouveau",
        "/conventions/nouveau",
        "/catalogue/nouveau",
        "/organismes/nouveau",
        "/organismes/import",
      ],
      [
        ["/calendriers", new RegExp(`^/calendriers/${uuid}$`)],
        ["/organismes", new RegExp(`^/organismes/${uuid}$`)],
      ],
    );
    const convention = (await detailLinks(page, new RegExp(`^/conventions/${uuid}$`)))[0];
    if (convention) await expectNoSidewaysScroll(page, `${convention}/modifier`);
    await signOut(page);

    await signInAsAdmin(page, admin);
    await visitAll(
      page,
      ["/", "/admin/personnes", "/admin/courriels", "/admin/journal"],
      [
        ["/admin/personnes", new RegExp(`^/admin/personnes/${uuid}$`)],
        ["/admin/courriels", new RegExp(`^/admin/courriels/${uuid}$`)],
      ],
    );
    expect(problems).toEqual([]);
  });
});
