// The technician's queue: dense at 1366×900, sortable, bulk actions on a selection, saved and
// shared views, and a live banner when another session creates a ticket.
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures.ts";
import { signIn, signOut } from "./helpers.ts";

const H = 3600_000;
const shots = path.resolve(import.meta.dirname, "screenshots");

/** Calls a tRPC procedure as the page's signed-in person (the same API the browser uses). */
async function trpc<T>(page: Page, proc: string, input: unknown, mutation = false): Promise<T> {
  const res = mutation
    ? await page.request.post(`/api/trpc/${proc}`, { data: { json: input } })
    : await page.request.get(
        `/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
      );
  expect(res.ok(), `${proc}: ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** Enters tickets for a demo body as the signed-in technician (a phone call each). */
async function enterTickets(page: Page, subjects: { subject: string; impact: string; urgency: string }[]) {
  await page.goto("/tickets/nouveau");
  const body = await page
    .getByRole("combobox", { name: "Organisme" })
    .locator("option", { hasText: "Commune de Bellerive-sur-Orlène" })
    .getAttribute("value");
  const services = await trpc<{ id: string; name: string }[]>(page, "catalogue.list", undefined);
  const service = services.find((s) => s.name === "SIG-M@") ?? services[0]!;
  let i = 0;
  for (const s of subjects)
    await trpc(
      page,
      "tickets.create",
      {
        bodyId: body,
        serviceId: service.id,
        subject: s.subject,
        description: "Saisi par téléphone pour la file de tickets.",
        category: "fault",
        impact: s.impact,
        urgency: s.urgency,
        declarantName: "Déclarant de test",
        channel: "phone",
        receivedAt: new Date(Date.now() - (i++ % 10) * H).toISOString(),
      },
      true,
    );
}

const levels = ["high", "medium", "low"];

// Months of demo history make each page heavier to check (axe): room for a loaded machine.
test.describe.configure({ timeout: 180_000 });

test("the queue shows 15 tickets and more at 1366×900, sorts by a header, and acts on a selection", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "tech@val-orlene.example");
  await enterTickets(
    page,
    Array.from({ length: 20 }, (_, i) => ({
      subject: `Lot ${i + 1} : imprimante du service état civil hors ligne depuis ce matin`,
      impact: levels[i % 3]!,
      urgency: levels[Math.floor(i / 3) % 3]!,
    })),
  );
  await page.getByRole("link", { name: "File des tickets" }).click();
  await expectAccessible(page);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const inView = await rows.evaluateAll(
    (trs, h) => trs.filter((tr) => tr.getBoundingClientRect().bottom <= h).length,
    900,
  );
  expect(inView).toBeGreaterThanOrEqual(15);
  // One line per ticket.
  const heights = await rows.evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
  expect(Math.max(...heights)).toBeLessThan(40);
  await page.screenshot({ path: path.join(shots, "queue-1366x900.png") });
  // The deadline in words, coloured by its state.
  await expect(
    page
      .locator("[data-sla]")
      .filter({ hasText: /restantes?|restants?|dépassé de/ })
      .first(),
  ).toBeVisible();

  // Sort by clicking a header (and by keyboard): the header says how the list is sorted.
  const priority = page.getByRole("columnheader", { name: "Priorité" });
  await priority.getByRole("link").click();
  await expect(page).toHaveURL(/sort=priority/);
  await expect(priority).toHaveAttribute("aria-sort", "ascending");
  await expect(rows.first()).toContainText("Critique");
  const deadline = page.getByRole("columnheader", { name: "Échéance" });
  await deadline.getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(deadline).toHaveAttribute("aria-sort", "ascending");
  await expect(priority).not.toHaveAttribute("aria-sort", /.+/);

  // Filter through « Plus de filtres », then select all and assign in bulk.
  await page.getByRole("button", { name: "Plus de filtres" }).click();
  await page.getByRole("combobox", { name: "Priorité" }).selectOption({ label: "Basse" });
  await page.getByRole("combobox", { name: "Canal" }).selectOption({ label: "Téléphone" });
  await page
    .getByRole("combobox", { name: "Organisme" })
    .selectOption({ label: "Commune de Bellerive-sur-Orlène" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  const chips = page.getByRole("list", { name: "Filtres actifs" });
  await expect(chips).toContainText("Priorité : Basse");
  await expect(chips).toContainText("Canal : Téléphone");
  await expectAccessible(page);
  const n = await rows.count();
  expect(n).toBeGreaterThan(1);
  await page.getByRole("checkbox", { name: "Tout sélectionner" }).check();
  await expect(page.getByText(`${n} tickets sélectionnés`)).toBeVisible();
  await page.getByRole("combobox", { name: "Attribuer à" }).selectOption({ label: "Julien Perrot" });
  await page.getByRole("button", { name: "Appliquer", exact: true }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`${n} tickets mis à jour sur ${n}.`);
  for (const r of await rows.all()) await expect(r).toContainText("Julien Perrot");
  // Removing the chip brings every priority back.
  await page.getByRole("link", { name: "Retirer le filtre Priorité : Basse" }).click();
  await expect(chips).not.toContainText("Priorité");
  await expect(chips).toContainText("Canal : Téléphone");
  await expect(rows.filter({ hasText: "Critique" }).first()).toBeVisible();
  // On a phone, the table scrolls inside its own box.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.screenshot({ path: path.join(shots, "queue-390.png"), fullPage: false });
  expect(await page.locator("main").evaluate((m) => m.scrollWidth <= m.clientWidth)).toBe(true);
});

test("a technician saves, uses, renames and deletes a view; a manager's shared view reaches the technician", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  // The manager shares « critical tickets » with the team.
  await signIn(page, "manager@val-orlene.example");
  await page.goto("/tickets");
  await page.getByRole("button", { name: "Plus de filtres" }).click();
  await page.getByRole("combobox", { name: "Priorité" }).selectOption({ label: "Critique" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await page.getByRole("button", { name: "Enregistrer la vue" }).click();
  const dialog = page.getByRole("dialog", { name: "Enregistrer ces filtres comme une vue" });
  await expectAccessible(page);
  await dialog.getByRole("textbox", { name: "Nom de la vue" }).fill("Critiques de l'équipe");
  await dialog.getByRole("checkbox", { name: /Partager avec toute l'équipe/ }).check();
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page).toHaveURL(/vue=/);
  await expect(page.getByRole("link", { name: /Critiques de l'équipe/ })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await signOut(page);

  await signIn(page, "tech@val-orlene.example");
  await page.goto("/tickets");
  const shared = page
    .getByRole("navigation", { name: "Vues" })
    .getByRole("link", { name: /Critiques de l'équipe/ });
  await expect(shared).toHaveAccessibleName(/Vue partagée/);
  const sharedCount = Number((await shared.textContent())!.match(/\((\d+)\)/)![1]);
  await shared.click();
  await expect(page.getByRole("list", { name: "Filtres actifs" })).toContainText("Priorité : Critique");
  // The count beside the view is what it selects (the page shows the first 50).
  await expect(page.locator("tbody tr")).toHaveCount(Math.min(sharedCount, 50));
  // Shared views are the managers' to change.
  await expect(page.getByRole("button", { name: "Renommer" })).toHaveCount(0);

  // A view of one's own: low priority, without the service column.
  await page.goto("/tickets");
  await page.getByRole("button", { name: "Plus de filtres" }).click();
  await page.getByRole("combobox", { name: "Priorité" }).selectOption({ label: "Basse" });
  await page.getByRole("checkbox", { name: "Service" }).uncheck();
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("columnheader", { name: "Service" })).toHaveCount(0);
  await page.getByRole("button", { name: "Enregistrer la vue" }).click();
  await expect(page.getByRole("checkbox", { name: /Partager/ })).toHaveCount(0); // technicians do not share
  await page.getByRole("textbox", { name: "Nom de la vue" }).fill("Mes basses");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  const mine = page.getByRole("navigation", { name: "Vues" }).getByRole("link", { name: /Mes basses/ });
  await expect(mine).toHaveAttribute("aria-current", "page");
  const rowsNow = await page.locator("tbody tr").count();
  const counted = Number((await mine.textContent())!.match(/\((\d+)\)/)![1]);
  if (rowsNow < 50) expect(counted).toBe(rowsNow);
  else expect(counted).toBeGreaterThanOrEqual(50);

  // Used later from elsewhere: the view is an address that restores filters and columns.
  await page.getByRole("link", { name: /Mes tickets/ }).click();
  await mine.click();
  await expect(page.getByRole("list", { name: "Filtres actifs" })).toContainText("Priorité : Basse");
  await expect(page.getByRole("columnheader", { name: "Service" })).toHaveCount(0);

  await page.getByRole("button", { name: "Renommer" }).click();
  await page.getByRole("textbox", { name: "Nom de la vue" }).fill("Basses priorités");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  const renamed = page
    .getByRole("navigation", { name: "Vues" })
    .getByRole("link", { name: /Basses priorités/ });
  await expect(renamed).toHaveAttribute("aria-current", "page");
  await page.getByRole("button", { name: "Supprimer" }).click();
  const confirm = page.getByRole("dialog", { name: /Supprimer la vue « Basses priorités »/ });
  await expect(confirm).toContainText("Les tickets ne changent pas.");
  await confirm.getByRole("button", { name: "Supprimer" }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  await expect(
    page.getByRole("navigation", { name: "Vues" }).getByRole("link", { name: /Basses priorités/ }),
  ).toHaveCount(0);
  await expect(
    page.getByRole("navigation", { name: "Vues" }).getByRole("link", { name: /Critiques de l'équipe/ }),
  ).toBeVisible();
});

async function secondSession(browser: Browser, email: string) {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

test("a ticket created in another session is announced on the queue, and shown when asked", async ({
  page,
  browser,
}) => {
  await signIn(page, "tech@val-orlene.example");
  await page.goto("/tickets");
  const rows = page.locator("tbody tr");
  const before = await rows.count();
  const other = await secondSession(browser, "tech2@val-orlene.example");
  await enterTickets(other.page, [
    { subject: "Messagerie coupée à la médiathèque", impact: "high", urgency: "high" },
  ]);
  await other.close();

  // (Journeys on the other browser may create tickets too: at least this one is announced.)
  const banner = page.getByRole("button", { name: /\d+ nouveaux? tickets?/ });
  await expect(banner).toBeVisible({ timeout: 25_000 });
  // Nothing moved under the cursor: the list changes only when asked.
  await expect(rows).toHaveCount(before);
  await expect(page.getByRole("row", { name: /Messagerie coupée à la médiathèque/ })).toHaveCount(0);
  await expectAccessible(page);
  await banner.click();
  await expect(page.getByRole("row", { name: /Messagerie coupée à la médiathèque/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /nouveau ticket/ })).toHaveCount(0);
});
