// Shared Playwright fixtures: every page a journey visits is checked with axe-core, and the test
// fails on serious or critical accessibility violations, on colour contrast that axe could not
// decide because text and background are the same colour, on any link or button whose text
// contrast (computed by e2e/contrast.ts, gradients included) is under 4.5:1 (3:1 large text), and
// on a Content-Security-Policy violation.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type ConsoleMessage, type Page } from "@playwright/test";
import { contrastFailures } from "./contrast.ts";

export async function expectAccessible(page: Page): Promise<void> {
  // Next streams a dynamic page's metadata: the <title> may land just after the load event.
  await page.waitForFunction(() => document.title !== "", null, { timeout: 5000 }).catch(() => undefined);
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
  // axe's "needs review" on contrast: same colour for text and background is never legible.
  for (const v of results.incomplete.filter((r) => r.id === "color-contrast"))
    for (const n of v.nodes) {
      const data = n.any[0]?.data as { fgColor?: string; bgColor?: string } | undefined;
      if (data?.fgColor && data.fgColor === data.bgColor)
        report.push(`serious color-contrast (same colour ${data.fgColor}): ${n.target.join(" ")}`);
    }
  for (const f of await contrastFailures(page))
    report.push(
      `serious contrast ${f.ratio}:1 < ${f.required}:1 (${f.fg} on ${f.bg}): ${f.target} « ${f.text} »`,
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
