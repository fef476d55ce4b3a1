// Screenshots of the pages people judge the product by — the technician's queue, a ticket and the
// partner's home — at 1366×900 and on a 390×844 phone, saved under e2e/screenshots/ (git-ignored,
// kept as CI artifacts) so that anyone can look at them.
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { signIn, signOut } from "./helpers.ts";

const dir = path.resolve(import.meta.dirname, "screenshots");
const sizes = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join(dir, `${name}-${size.name}.png`) });
    await page.screenshot({ path: path.join(dir, `${name}-${size.name}-full.png`), fullPage: true });
  }
}

test("screenshots of the queue, a ticket page and the partner home", async ({ page }) => {
  await signIn(page, "tech@val-orlene.example");
  await page.goto("/tickets");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "queue");
  const ticket = await page
    .getByRole("main")
    .locator('a[href^="/tickets/"]')
    .evaluateAll((as) =>
      as.map((a) => a.getAttribute("href")!).find((h) => /^\/tickets\/[0-9a-f-]{36}$/.test(h)),
    );
  if (ticket) {
    await page.goto(ticket);
    await shoot(page, "ticket");
  }
  await signOut(page);
  await signIn(page, "agent@bellerive.example");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "partner-home");
});
