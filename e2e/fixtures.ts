// Shared Playwright fixtures: every page a journey visits is checked with axe-core, and the test
// fails on serious or critical accessibility violations, or on a Content-Security-Policy violation.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type ConsoleMessage, type Page } from "@playwright/test";

export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = blocking.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join("\n  ")}`,
  );
  expect(report, `accessibility violations on ${page.url()}`).toEqual([]);
}

export const test = base.extend<{ visit: (path: string) => Promise<void>; axeOnEveryPage: void }>({
  // `visit` checks each page it opens; journeys call expectAccessible after a click that changes
  // page; and this automatic fixture checks whatever page a test ends on.
  // It also fails the test when the browser blocks anything under the Content-Security-Policy.
  axeOnEveryPage: [
    async ({ page }, use) => {
      const pending: string[] = [];
      const cspViolations: string[] = [];
      const onLoad = () => pending.push(page.url());
      const onConsole = (m: ConsoleMessage) => {
        if (/Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
      };
      page.on("load", onLoad);
      page.on("console", onConsole);
      await use();
      page.off("load", onLoad);
      page.off("console", onConsole);
      expect(cspViolations, "Content-Security-Policy violations").toEqual([]);
      if (pending.length > 0 && !page.isClosed()) await expectAccessible(page);
    },
    { auto: true },
  ],
  visit: async ({ page }, use) => {
    await use(async (path: string) => {
      const response = await page.goto(path);
      expect(response?.status(), `GET ${path}`).toBeLessThan(400);
      await expectAccessible(page);
    });
  },
});

export { expect };
